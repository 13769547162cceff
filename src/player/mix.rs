//! Which sides are heard, and how loud: the decoder's frames (one channel or more) to stereo.
//! Two-channel calls are agent on the left, customer on the right; channels past the second
//! are not call sides and are left out.

use super::types::{ChannelMode, PlaybackSettings};

/// Routing and per-side gains, fixed until the settings change.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChannelMix {
    mode: ChannelMode,
    agent: f32,
    customer: f32,
    source_channels: usize,
}

impl ChannelMix {
    pub fn new(settings: &PlaybackSettings, source_channels: usize) -> ChannelMix {
        ChannelMix {
            mode: settings.channel_mode,
            agent: settings.agent_volume,
            customer: settings.customer_volume,
            source_channels: source_channels.max(1),
        }
    }

    /// The most a full-scale input sample can come out at: above 1 the mix can clip.
    pub fn peak_factor(&self) -> f32 {
        if self.source_channels == 1 {
            return self.agent;
        }
        match self.mode {
            ChannelMode::Stereo => self.agent.max(self.customer),
            ChannelMode::Mono => self.agent + self.customer,
            ChannelMode::SoloAgent => self.agent,
            ChannelMode::SoloCustomer => self.customer,
        }
    }

    /// Mixes whole source frames of `input` into stereo frames of `out`, as many as both hold.
    pub fn apply(&self, input: &[f32], out: &mut [f32]) {
        let frames = input
            .chunks_exact(self.source_channels)
            .zip(out.chunks_exact_mut(2));
        for (frame, stereo) in frames {
            let [left, right] = stereo else { continue };
            let (l, r) = self.route(frame);
            *left = l;
            *right = r;
        }
    }

    fn route(&self, frame: &[f32]) -> (f32, f32) {
        match frame {
            [] => (0.0, 0.0),
            // Mono calls: one voice for both ears, at the agent's (the only side's) volume.
            [only] => (only * self.agent, only * self.agent),
            [agent, customer, ..] => {
                let (a, c) = (agent * self.agent, customer * self.customer);
                match self.mode {
                    ChannelMode::Stereo => (a, c),
                    // Summed, not averaged: calls are mostly one side at a time, and halving
                    // would make each voice 6 dB quieter than in stereo.
                    ChannelMode::Mono => (a + c, a + c),
                    ChannelMode::SoloAgent => (a, a),
                    ChannelMode::SoloCustomer => (c, c),
                }
            }
        }
    }
}
