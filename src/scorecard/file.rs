//! Scorecards as JSON files: what `hark scorecard export` writes and `import` reads. A file
//! wraps the definition with its format name and version; a bare definition is read too.

use serde::{Deserialize, Serialize};

use super::{ScorecardDefinition, ScorecardError};

pub const FORMAT: &str = "hark-scorecard";
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ScorecardFile {
    format: String,
    format_version: u32,
    /// The version of the form exported, for information; importing makes a new version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    version: Option<u32>,
    scorecard: ScorecardDefinition,
}

/// Reads a scorecard from JSON text; `origin` names the file in messages. Sections and
/// questions without keys get keys made from their text; the form is validated.
pub fn parse(text: &str, origin: &str) -> Result<ScorecardDefinition, ScorecardError> {
    let fail = |reason: String| ScorecardError::File {
        path: origin.to_owned(),
        reason,
    };
    let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| fail(format!("not JSON: {e}")))?;
    let mut definition = match value.get("format") {
        Some(format) => {
            if format.as_str() != Some(FORMAT) {
                return Err(fail(format!(
                    "format {format} is not a Hark scorecard (\"{FORMAT}\")"
                )));
            }
            let file: ScorecardFile = serde_json::from_value(value)
                .map_err(|e| fail(format!("not a Hark scorecard: {e}")))?;
            if file.format_version > FORMAT_VERSION {
                return Err(fail(format!(
                    "format version {} is newer than this Hark reads ({FORMAT_VERSION})",
                    file.format_version
                )));
            }
            file.scorecard
        }
        None => {
            serde_json::from_value(value).map_err(|e| fail(format!("not a Hark scorecard: {e}")))?
        }
    };
    definition.fill_keys();
    definition.validate().map_err(|e| fail(e.to_string()))?;
    Ok(definition)
}

/// The JSON file of `definition` (version `version` of its form), pretty-printed.
pub fn to_json(definition: &ScorecardDefinition, version: Option<u32>) -> String {
    let file = ScorecardFile {
        format: FORMAT.to_owned(),
        format_version: FORMAT_VERSION,
        version,
        scorecard: definition.clone(),
    };
    // Plain data with string keys: serialising it cannot fail.
    serde_json::to_string_pretty(&file).unwrap_or_default() + "\n"
}
