//! The ready templates shipped in `assets/scorecards/`, built into Hark so they are there on
//! every machine (the designer offers them, `hark demo` installs them).

use super::{ScorecardDefinition, ScorecardError, file};

/// A template: its file name (for messages) and its JSON.
#[derive(Debug, Clone, Copy)]
pub struct Template {
    pub file: &'static str,
    pub json: &'static str,
}

pub const TEMPLATES: [Template; 3] = [
    Template {
        file: "assets/scorecards/customer-service.json",
        json: include_str!("../../assets/scorecards/customer-service.json"),
    },
    Template {
        file: "assets/scorecards/sales-compliance.json",
        json: include_str!("../../assets/scorecards/sales-compliance.json"),
    },
    Template {
        file: "assets/scorecards/collections-compliance.json",
        json: include_str!("../../assets/scorecards/collections-compliance.json"),
    },
];

pub fn definition(template: &Template) -> Result<ScorecardDefinition, ScorecardError> {
    file::parse(template.json, template.file)
}

/// Every template's form.
pub fn all() -> Result<Vec<ScorecardDefinition>, ScorecardError> {
    TEMPLATES.iter().map(definition).collect()
}
