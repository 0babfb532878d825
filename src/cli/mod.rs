/*!
The `newsdex` command line: the arguments ([`args`]), one function per command ([`run`]) and
the indexing progress bar ([`progress`]). It uses the library's public API only.
*/

pub mod args;
pub mod progress;
pub mod run;
