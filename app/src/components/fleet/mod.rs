//! Pieces of server management used on more than one page.

mod server_form;

pub use server_form::ServerForm;
