//! Scorecards and evaluations.

mod draft_kill;
mod evaluation;
mod export;
mod feedback;
mod fixture;
mod forms;
mod score;
