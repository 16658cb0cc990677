pub use leptos;
