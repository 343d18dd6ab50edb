//! The screens: the start screen, the guided walk (its steps, the review and the maturity profile),
//! the workshop's merged view and the blank questionnaire. Each is made of `crate::components` and
//! draws the report's data (`crate::report`) with `components::render`.

mod blank;
mod profile;
mod questions;
mod review;
mod start;
mod wizard;
mod workshop;

pub use blank::blank_questionnaire;
pub use profile::Profile;
pub use review::review_step;
pub use start::StartScreen;
pub use wizard::Wizard;
pub use workshop::{workshop_body, WorkshopView};
