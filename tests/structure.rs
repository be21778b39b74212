//! The engine's structure, as ARCHITECTURE.md states it: the daily schedule
//! is `World::step` alone, in the order docs/MODEL.md section 3 gives, and
//! the cross-agency pathway never reaches into the world.

use std::fs;

use crate::support::root;

/// The calls `World::step` makes, in order: every `self.name(` and
/// `self.part.name(` in its body, by the function's name.
fn step_calls() -> Vec<String> {
    let text = fs::read_to_string(root().join("src/engine/world.rs")).expect("world.rs");
    let start = text.find("fn step(&mut self)").expect("World::step");
    let body = &text[start..];
    let body = &body[..body.find("\n    }\n").expect("the end of step")];
    let mut calls = Vec::new();
    for (at, _) in body.match_indices("self.") {
        let rest = &body[at + "self.".len()..];
        let path: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
            .collect();
        if rest[path.len()..].starts_with('(') {
            let name = path.rsplit('.').next().unwrap_or_default();
            calls.push(name.to_owned());
        }
    }
    calls
}

/// The first function each row of MODEL.md's phase table names, by phase.
fn model_phase_functions() -> Vec<(String, String)> {
    let text = fs::read_to_string(root().join("docs/MODEL.md")).expect("MODEL.md");
    let table = &text[text.find("| Phase | Function").expect("the phase table")..];
    table
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|row| {
            let phase = row.split('|').nth(1).unwrap_or_default().trim().to_owned();
            let function = row.split('`').nth(1).unwrap_or_default();
            let name = function.rsplit("::").next().unwrap_or_default().to_owned();
            (phase, name)
        })
        .collect()
}

#[test]
fn world_step_makes_the_phase_calls_of_model_md_in_its_order() {
    let calls = step_calls();
    let phases = model_phase_functions();
    assert_eq!(phases.len(), 10, "ten phases in MODEL.md: {phases:?}");
    // Each phase's function is called in `step`, after the one before.
    let mut from = 0;
    for (phase, name) in &phases {
        let Some(k) = calls[from..].iter().position(|c| c == name) else {
            panic!("phase {phase}: `{name}` not called in World::step after {calls:?}[..{from}]");
        };
        from += k + 1;
    }
    // And `step` calls nothing else, each once: the phases and the staff
    // phase's managers (MODEL.md: "then `World::manager_transitions`").
    let mut expected: Vec<&str> = phases.iter().map(|(_, n)| n.as_str()).collect();
    expected.insert(4, "manager_transitions");
    assert_eq!(calls, expected);
}

#[test]
fn the_pathway_never_imports_the_world() {
    let text = fs::read_to_string(root().join("src/engine/pathway.rs")).expect("pathway.rs");
    for (n, line) in text.lines().enumerate() {
        assert!(
            !line.contains("world::") && !line.contains("World"),
            "src/engine/pathway.rs:{}: {line}",
            n + 1
        );
    }
}
