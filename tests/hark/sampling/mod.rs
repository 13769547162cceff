//! Sampling: the criteria language and the population it selects, saved filters, sample
//! sizes, seeded draws, quotas and strata, assignment, the stored population.

mod assign;
mod cli;
mod columns;
mod criteria_fields;
mod criteria_text;
mod draw;
mod facts;
mod fixture;
mod groups;
mod population;
mod population_code;
mod samples;
mod saved_filters;
mod size;
mod uniformity;
