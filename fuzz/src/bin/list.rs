//! AFL++ entry point of the `list` target (see `src/targets.rs`).
fn main() {
    afl::fuzz!(|data: &[u8]| {
        newsdex_fuzz::targets::list(data);
    });
}
