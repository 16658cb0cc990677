//! Forms that post to server functions.

mod action_form;

pub use action_form::ActionForm;
