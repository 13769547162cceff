//! Sampling calls for review: criteria over recordings, the population they select, seeded
//! draws by a stated method (random, quota, stratified, targeted), and samples stored so they
//! can be defended, verified and exported later.

mod assign;
mod candidate;
pub mod columns;
pub mod criteria;
mod draw;
pub mod export;
mod method;
mod plan;
mod population;
mod population_code;
pub mod sample;
mod size;
mod snapshot;

pub use assign::{Assignment, assign};
pub use candidate::{Candidate, Drawn, GroupPlan, Pick};
pub use criteria::{Criteria, CriteriaError};
pub use draw::{GENERATOR, draw, replacement};
pub use method::{Allocation, Method, Period, QuotaGroup, SampleSize, StratumField, TargetMetric};
pub use plan::plan;
pub use population::{NO_STRATUM, count, population};
pub use population_code::{
    PopulationCodeError, decode_population, encode_population, population_hash,
};
pub use sample::{
    AssignRequest, SampleDetail, SampleError, SamplePlan, SampleRequest, SampleSummary,
    Verification, draw_sample, plan_for,
};
pub use size::{
    DEFAULT_PROPORTION, SizeError, SizeReport, ZeroDefectReport, cochran_sample_size, defects_in,
    krejcie_morgan_chi_square, normal_quantile, sample_size, size_report, z_for_confidence,
    zero_defect_sample,
};
