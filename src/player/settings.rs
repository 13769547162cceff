//! Settings as the player uses them: whatever the UI sends is brought into range here, so the
//! audio thread never sees a speed of 0 or a NaN volume.

use super::types::PlaybackSettings;

pub const MIN_SPEED: f32 = 0.5;
pub const MAX_SPEED: f32 = 3.0;
pub const MAX_VOLUME: f32 = 2.0;

/// `settings` with speed and volumes clamped (non-numbers back to their defaults) and an empty
/// or inverted loop range dropped.
pub fn sanitized(settings: PlaybackSettings) -> PlaybackSettings {
    let defaults = PlaybackSettings::default();
    let clamp = |value: f32, default: f32, min: f32, max: f32| {
        if value.is_finite() {
            value.clamp(min, max)
        } else {
            default
        }
    };
    PlaybackSettings {
        speed: clamp(settings.speed, defaults.speed, MIN_SPEED, MAX_SPEED),
        agent_volume: clamp(
            settings.agent_volume,
            defaults.agent_volume,
            0.0,
            MAX_VOLUME,
        ),
        customer_volume: clamp(
            settings.customer_volume,
            defaults.customer_volume,
            0.0,
            MAX_VOLUME,
        ),
        loop_range: settings
            .loop_range
            .filter(|span| span.end_ms > span.start_ms),
        ..settings
    }
}
