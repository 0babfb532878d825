//! The fuzz targets of newsdex, for the AFL++ binaries in `src/bin/`.
pub mod targets;
