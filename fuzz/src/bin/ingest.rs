//! AFL++ entry point of the `ingest` target (see `src/targets.rs`).
fn main() {
    afl::fuzz!(|data: &[u8]| {
        newsdex_fuzz::targets::ingest(data);
    });
}
