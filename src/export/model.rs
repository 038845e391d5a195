//! papermeta's own model as JSON: the document exactly as the readers filled it.

use crate::export::{Export, ExportError};
use crate::model::Document;

/// Serializes the document as pretty-printed JSON (the shape of `schemas/document.schema.json`).
pub fn write_model(doc: &Document) -> Result<Export, ExportError> {
    let mut bytes = serde_json::to_vec_pretty(doc).map_err(|e| ExportError::Serialize {
        format: "model",
        message: e.to_string(),
    })?;
    bytes.push(b'\n');
    Ok(Export {
        bytes,
        warnings: Vec::new(),
    })
}
