//! Documentation generated from the code stays in step with it.

use crate::support::root;

#[test]
fn parameters_md_is_generated_from_the_registry() {
    let on_disk =
        std::fs::read_to_string(root().join("docs/PARAMETERS.md")).expect("docs/PARAMETERS.md");
    let generated = tillit::model::reference::parameters_markdown();
    assert!(
        on_disk == generated,
        "docs/PARAMETERS.md is stale: run `cargo run --release -- params --format markdown > docs/PARAMETERS.md`"
    );
}
