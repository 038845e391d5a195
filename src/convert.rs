//! Export orchestration: every output validated before it is written.
