//! AFL++ entry point of the `query` target (see `src/targets.rs`).
fn main() {
    afl::fuzz!(|data: &[u8]| {
        newsdex_fuzz::targets::query(data);
    });
}
