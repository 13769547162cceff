//! Sends the player's state to the UI: 25 times a second while something changes (the position
//! while playing), nothing while it rests.

use std::sync::Arc;
use std::time::Duration;

use tauri::{AppHandle, Emitter};

use hark::player::Player;

pub const STATE_EVENT: &str = "player-state";
const EVERY: Duration = Duration::from_millis(40);

pub fn spawn(app: AppHandle, player: Arc<Player>) {
    std::thread::spawn(move || {
        let mut last = None;
        loop {
            std::thread::sleep(EVERY);
            let state = player.state();
            if last.as_ref() != Some(&state) {
                let _ = app.emit(STATE_EVENT, &state);
                last = Some(state);
            }
        }
    });
}
