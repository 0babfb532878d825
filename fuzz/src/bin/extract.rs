//! AFL++ entry point of the `extract` target (see `src/targets.rs`).
fn main() {
    afl::fuzz!(|data: &[u8]| {
        newsdex_fuzz::targets::extract(data);
    });
}
