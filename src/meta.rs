//! The metadata file (`--meta FILE.toml`).
