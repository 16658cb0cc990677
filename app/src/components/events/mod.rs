//! Pieces of the event lists.

mod severity_select;

pub use severity_select::SeveritySelect;
