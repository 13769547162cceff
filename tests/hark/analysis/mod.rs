//! Speech metrics: accuracy against known talk placement (the demo calls' truth.json and a
//! generated espeak-ng set), silences against ffmpeg's silencedetect on mono files, storage and
//! resumable library runs, the CLI, and a one-hour benchmark (ignored; run it by hand).

mod accuracy;
mod benchmark;
mod cli;
mod demo;
mod generated;
mod mono;
mod store;
mod timeline;
