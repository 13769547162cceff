//! Waveform peaks and their cache.

mod cache;
mod cli;
mod errors;
mod fixtures;
mod library;
mod view;
