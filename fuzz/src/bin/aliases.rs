//! AFL++ entry point of the `aliases` target (see `src/targets.rs`).
fn main() {
    afl::fuzz!(|data: &[u8]| {
        newsdex_fuzz::targets::aliases(data);
    });
}
