//! The player pipeline, pulled with no audio device.
