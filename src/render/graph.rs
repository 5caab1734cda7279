//! The topic graph as inline SVG: topics as circles sized by their mentions, linked by
//! lines as thick as their co-mentions, each topic a link to its page.
//!
//! The layout is force-directed (Fruchterman–Reingold) but deterministic: nodes start on
//! an ellipse in input order, run a fixed number of iterations with a fixed cooling
//! schedule, and nothing depends on time, randomness or hash order, so the same input
//! gives the same bytes. The area is about as wide as the other charts (480 units) and
//! grows in height with the number of topics, so that labels stay legible on a phone; a
//! last pass pushes apart any two nodes whose circle-and-label boxes overlap, and the
//! viewBox is fitted to the result. Shares the SVG helpers of `charts.rs`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::charts::{FONT, escape, num, svg_open, text_width};

/// A topic in the graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The topic's title (long titles are shortened on the chart, whole in the tooltip).
    pub label: String,
    /// The topic page's URL.
    pub href: String,
    /// Mentions of the topic: the circle's area grows with it.
    pub weight: f64,
}

/// Two topics mentioned together.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Index of one node in the `nodes` given to [`graph_svg`].
    pub a: usize,
    /// Index of the other node.
    pub b: usize,
    /// Co-mentions: the line's width grows with it.
    pub weight: f64,
}

/// Largest width of the layout area; height grows with the number of nodes.
const AREA_WIDTH: f64 = 460.0;
/// Iterations of the force simulation.
const ITERATIONS: usize = 300;
/// Pull of each node towards the centre, per unit of distance.
const GRAVITY: f64 = 0.4;
/// Passes of the final overlap removal.
const SEPARATION_PASSES: usize = 400;
/// Space kept around the drawing and between node boxes.
const MARGIN: f64 = 8.0;
const GAP: f64 = 4.0;
/// Labels longer than this are shortened.
const MAX_LABEL: usize = 22;

/// The topic graph as SVG markup, byte-identical for the same input. Edges naming a node
/// that does not exist, or a node with itself, are ignored; edges between the same two
/// nodes are merged. Empty string if there is no node.
pub fn graph_svg(id: &str, title: &str, nodes: &[Node], edges: &[Edge]) -> String {
    if nodes.is_empty() {
        return String::new();
    }
    let shapes = shapes(nodes);
    let edges = merge(edges, nodes.len());
    let mut pos = simulate(&shapes, &edges);
    separate(&shapes, &mut pos);
    let view = fit(&shapes, &pos);
    let desc = describe(nodes, edges.len());
    let mut svg = svg_open(id, "chart graph", title, &desc, view);
    draw_edges(&mut svg, nodes, &edges, &pos);
    for ((node, shape), &(x, y)) in nodes.iter().zip(&shapes).zip(&pos) {
        let _ = write!(
            svg,
            r#"<a href="{}"><title>{}</title><circle class="graph-node" cx="{}" cy="{}" r="{}"/><text class="chart-label" x="{}" y="{}" text-anchor="middle">{}</text></a>"#,
            escape(&node.href),
            escape(&format!("{}: {} mentions", node.label, num(clean(node.weight)))),
            num(x),
            num(y),
            num(shape.r),
            num(x),
            num(y + shape.r + FONT),
            escape(&shape.label)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A node's circle and the box it needs with its label under it, relative to its centre.
struct Shape {
    r: f64,
    label: String,
    half_width: f64,
    above: f64,
    below: f64,
}

/// A weight usable for sizes: finite and not negative.
fn clean(w: f64) -> f64 {
    if w.is_finite() { w.max(0.0) } else { 0.0 }
}

/// Radii on a square-root scale (area follows mentions), from 5 to 18 units.
fn shapes(nodes: &[Node]) -> Vec<Shape> {
    let max = nodes.iter().map(|n| clean(n.weight)).fold(0.0, f64::max);
    nodes
        .iter()
        .map(|n| {
            let share = if max > 0.0 { clean(n.weight) / max } else { 0.0 };
            let r = 5.0 + 13.0 * share.sqrt();
            let label = shorten(&n.label);
            Shape {
                r,
                half_width: r.max(text_width(&label) / 2.0) + GAP / 2.0,
                above: r + GAP / 2.0,
                below: r + FONT + 4.0 + GAP / 2.0,
                label,
            }
        })
        .collect()
}

/// The label cut to [`MAX_LABEL`] characters with an ellipsis.
fn shorten(label: &str) -> String {
    let label = label.trim();
    if label.chars().count() <= MAX_LABEL {
        return label.to_string();
    }
    let cut: String = label.chars().take(MAX_LABEL - 1).collect();
    format!("{}…", cut.trim_end())
}

/// Valid edges, one per pair (smaller index first), weights summed, in index order.
fn merge(edges: &[Edge], n: usize) -> Vec<(usize, usize, f64)> {
    let mut pairs: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for e in edges.iter().filter(|e| e.a < n && e.b < n && e.a != e.b) {
        *pairs.entry((e.a.min(e.b), e.a.max(e.b))).or_default() += clean(e.weight);
    }
    pairs.into_iter().map(|((a, b), w)| (a, b, w)).collect()
}

/// The force simulation, in free space with unit spring length: all nodes repel, linked
/// nodes attract, a pull to the centre keeps unlinked nodes near; moves shrink linearly
/// to nothing. The result is then stretched onto the drawing area.
fn simulate(shapes: &[Shape], edges: &[(usize, usize, f64)]) -> Vec<(f64, f64)> {
    let n = shapes.len();
    let spread = (n as f64).sqrt();
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let angle = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
            (spread * angle.cos(), spread * angle.sin())
        })
        .collect();
    let heaviest = edges.iter().map(|e| e.2).fold(0.0, f64::max);
    for step in 0..ITERATIONS {
        let mut force = vec![(0.0, 0.0); n];
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy, d) = apart(pos[i], pos[j], i, j);
                push(&mut force, i, j, dx / d / d, dy / d / d);
            }
        }
        for &(a, b, weight) in edges {
            let (dx, dy, d) = apart(pos[a], pos[b], a, b);
            let pull = 0.5 + if heaviest > 0.0 { weight / heaviest } else { 0.0 };
            push(&mut force, a, b, -dx * d * pull, -dy * d * pull);
        }
        let heat = spread / 4.0 * (1.0 - step as f64 / ITERATIONS as f64);
        for (p, f) in pos.iter_mut().zip(&force) {
            let (fx, fy) = (f.0 - p.0 * GRAVITY, f.1 - p.1 * GRAVITY);
            let len = (fx * fx + fy * fy).sqrt().max(1e-9);
            p.0 += fx / len * len.min(heat);
            p.1 += fy / len * len.min(heat);
        }
    }
    stretch(shapes, &mut pos);
    pos
}

/// Maps the layout onto an area about 2.5 times the node boxes, at most [`AREA_WIDTH`]
/// wide (so that text keeps its size on a phone) and as high as that needs, each axis
/// on its own, so that big graphs grow downwards.
fn stretch(shapes: &[Shape], pos: &mut [(f64, f64)]) {
    let area = 2.5
        * shapes
            .iter()
            .map(|s| 2.0 * s.half_width * (s.above + s.below))
            .sum::<f64>();
    let width = (area * 1.5).sqrt().clamp(300.0, AREA_WIDTH);
    let height = (area / width).clamp(120.0, 4000.0);
    let inset = shapes.iter().map(|s| s.half_width).fold(0.0, f64::max).min(width / 4.0);
    let (x0, x1) = pos
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p.0), hi.max(p.0)));
    let (y0, y1) = pos
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
    let sx = if x1 - x0 > 1e-6 {
        (width - 2.0 * inset) / (x1 - x0)
    } else {
        0.0
    };
    let sy = if y1 - y0 > 1e-6 { height / (y1 - y0) } else { 0.0 };
    for p in pos.iter_mut() {
        let x = if sx > 0.0 { inset + (p.0 - x0) * sx } else { width / 2.0 };
        let y = if sy > 0.0 { (p.1 - y0) * sy } else { height / 2.0 };
        *p = (x, y);
    }
}

/// The vector from `q` to `p` and its length, never zero: coincident nodes are parted
/// in a direction fixed by their indices.
fn apart(p: (f64, f64), q: (f64, f64), i: usize, j: usize) -> (f64, f64, f64) {
    let (dx, dy) = (p.0 - q.0, p.1 - q.1);
    let d = (dx * dx + dy * dy).sqrt();
    if d > 0.01 {
        return (dx, dy, d);
    }
    let angle = (i * 7 + j * 13) as f64;
    (angle.cos() * 0.01, angle.sin() * 0.01, 0.01)
}

/// Adds `(fx, fy)` to node `i` and its opposite to node `j`.
fn push(force: &mut [(f64, f64)], i: usize, j: usize, fx: f64, fy: f64) {
    force[i].0 += fx;
    force[i].1 += fy;
    force[j].0 -= fx;
    force[j].1 -= fy;
}

/// Pushes apart nodes whose boxes (circle and label) overlap, along the axis where they
/// overlap least, until none do or the passes run out.
fn separate(shapes: &[Shape], pos: &mut [(f64, f64)]) {
    for _ in 0..SEPARATION_PASSES {
        let mut moved = false;
        for i in 0..shapes.len() {
            for j in i + 1..shapes.len() {
                let (a, b) = (&shapes[i], &shapes[j]);
                let ox = a.half_width + b.half_width - (pos[i].0 - pos[j].0).abs();
                let (top, bottom) = if pos[i].1 <= pos[j].1 { (a, b) } else { (b, a) };
                let oy = top.below + bottom.above - (pos[i].1 - pos[j].1).abs();
                if ox <= 0.0 || oy <= 0.0 {
                    continue;
                }
                moved = true;
                // Half each, plus a hair so that rounding cannot leave them touching.
                if ox * 1.5 < oy {
                    let s = if pos[i].0 < pos[j].0 || (pos[i].0 == pos[j].0 && i < j) {
                        -1.0
                    } else {
                        1.0
                    };
                    pos[i].0 += s * (ox / 2.0 + 0.1);
                    pos[j].0 -= s * (ox / 2.0 + 0.1);
                } else {
                    let s = if pos[i].1 <= pos[j].1 { -1.0 } else { 1.0 };
                    pos[i].1 += s * (oy / 2.0 + 0.1);
                    pos[j].1 -= s * (oy / 2.0 + 0.1);
                }
            }
        }
        if !moved {
            break;
        }
    }
}

/// The viewBox `[x, y, width, height]` around every node box, with a margin.
fn fit(shapes: &[Shape], pos: &[(f64, f64)]) -> [f64; 4] {
    let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for (s, &(x, y)) in shapes.iter().zip(pos) {
        b = [
            b[0].min(x - s.half_width),
            b[1].min(y - s.above),
            b[2].max(x + s.half_width),
            b[3].max(y + s.below),
        ];
    }
    // Rounded outwards so that the printed (one decimal) box still holds everything.
    let (x0, y0) = ((b[0] - MARGIN).floor(), (b[1] - MARGIN).floor());
    [x0, y0, (b[2] + MARGIN).ceil() - x0, (b[3] + MARGIN).ceil() - y0]
}

/// The `<desc>`: how many topics and links, and each topic's mentions.
fn describe(nodes: &[Node], links: usize) -> String {
    let topics: Vec<String> = nodes
        .iter()
        .map(|n| format!("{} ({})", n.label, num(clean(n.weight))))
        .collect();
    format!(
        "{} topics and {links} links between them. Mentions: {}.",
        nodes.len(),
        topics.join(", ")
    )
}

/// Lines between linked nodes, under the nodes, as wide as their share of co-mentions.
fn draw_edges(svg: &mut String, nodes: &[Node], edges: &[(usize, usize, f64)], pos: &[(f64, f64)]) {
    let heaviest = edges.iter().map(|e| e.2).fold(0.0, f64::max);
    for &(a, b, w) in edges {
        let width = 1.0 + if heaviest > 0.0 { 3.0 * w / heaviest } else { 0.0 };
        let tip = format!("{} – {}: {} co-mentions", nodes[a].label, nodes[b].label, num(w));
        let _ = write!(
            svg,
            r#"<line class="graph-edge" x1="{}" y1="{}" x2="{}" y2="{}" stroke="currentColor" stroke-opacity="0.35" stroke-width="{}"><title>{}</title></line>"#,
            num(pos[a].0),
            num(pos[a].1),
            num(pos[b].0),
            num(pos[b].1),
            num(width),
            escape(&tip)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(label: &str, weight: f64) -> Node {
        Node {
            label: label.into(),
            href: format!("/topics/{}/", label.to_lowercase().replace(' ', "-")),
            weight,
        }
    }

    fn edge(a: usize, b: usize, weight: f64) -> Edge {
        Edge { a, b, weight }
    }

    /// Twelve topics of the Amazon notes, linked like a real site: a hub and spokes.
    fn amazon() -> (Vec<Node>, Vec<Edge>) {
        let names = [
            "AWS",
            "Project Kuiper",
            "AI stack",
            "Advertising",
            "Prime Video",
            "Regionalization",
            "Bedrock",
            "Trainium",
            "Fulfillment network",
            "Same-day delivery",
            "Zoox",
            "Alexa",
        ];
        let nodes = names
            .iter()
            .enumerate()
            .map(|(i, n)| node(n, (40 - 3 * i) as f64))
            .collect();
        let edges = vec![
            edge(0, 2, 9.0),
            edge(0, 6, 7.0),
            edge(0, 7, 5.0),
            edge(2, 6, 4.0),
            edge(2, 7, 3.0),
            edge(5, 8, 6.0),
            edge(8, 9, 5.0),
            edge(5, 9, 2.0),
            edge(3, 4, 4.0),
            edge(0, 1, 1.0),
            edge(11, 2, 2.0),
        ];
        (nodes, edges)
    }

    /// `(cx, cy, r)` of every circle and the viewBox numbers, read back from the markup.
    fn parse(svg: &str) -> (Vec<[f64; 3]>, [f64; 4]) {
        let attr = |s: &str, name: &str| -> f64 {
            let from = s.find(&format!(" {name}=\"")).map(|i| i + name.len() + 3).unwrap_or(0);
            s[from..]
                .split('"')
                .next()
                .and_then(|v| v.parse().ok())
                .unwrap_or(f64::NAN)
        };
        let circles = svg
            .split("<circle")
            .skip(1)
            .map(|c| [attr(c, "cx"), attr(c, "cy"), attr(c, "r")])
            .collect();
        let view: Vec<f64> = svg
            .split("viewBox=\"")
            .nth(1)
            .and_then(|v| v.split('"').next())
            .unwrap_or("")
            .split(' ')
            .filter_map(|v| v.parse().ok())
            .collect();
        (circles, [view[0], view[1], view[2], view[3]])
    }

    #[test]
    fn every_topic_is_a_linked_circle_with_its_label() {
        let (nodes, edges) = amazon();
        let svg = graph_svg("topics", "Topic graph", &nodes, &edges);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(r#"<title id="topics-title">Topic graph</title>"#));
        assert_eq!(svg.matches("<circle").count(), 12);
        assert_eq!(svg.matches("<a href=").count(), 12);
        assert_eq!(svg.matches("<line class=\"graph-edge\"").count(), 11);
        assert!(svg.contains(r#"<a href="/topics/project-kuiper/">"#) && svg.contains(">Project Kuiper</text>"));
        assert!(svg.contains("12 topics and 11 links"));
    }

    #[test]
    fn the_same_input_gives_the_same_bytes() {
        let (nodes, edges) = amazon();
        assert_eq!(graph_svg("g", "g", &nodes, &edges), graph_svg("g", "g", &nodes, &edges));
    }

    #[test]
    fn nodes_stay_inside_the_view_and_apart() {
        let (nodes, edges) = amazon();
        let (circles, [vx, vy, vw, vh]) = parse(&graph_svg("g", "g", &nodes, &edges));
        assert!(vw <= 480.0, "legible at phone width: viewBox {vw} wide");
        for &[x, y, r] in &circles {
            assert!(
                x - r >= vx && y - r >= vy && x + r <= vx + vw && y + r <= vy + vh,
                "{x},{y} r{r}"
            );
        }
        for (i, a) in circles.iter().enumerate() {
            for b in &circles[i + 1..] {
                let d = ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
                assert!(d >= a[2] + b[2], "{a:?} and {b:?} overlap");
            }
        }
    }

    #[test]
    fn weights_size_circles_and_lines() {
        let nodes = [node("Big", 100.0), node("Small", 1.0), node("None", f64::NAN)];
        let svg = graph_svg("w", "w", &nodes, &[edge(0, 1, 10.0), edge(1, 0, 5.0), edge(0, 2, 1.0)]);
        let (circles, _) = parse(&svg);
        assert!(circles[0][2] > circles[1][2] && circles[1][2] > circles[2][2]);
        assert!(
            svg.contains(r#"stroke-width="4"><title>Big – Small: 15 co-mentions"#),
            "merged"
        );
        assert!(svg.contains("None: 0 mentions"));
    }

    #[test]
    fn odd_graphs_still_draw() {
        assert_eq!(graph_svg("e", "e", &[], &[]), "");
        let one = graph_svg("o", "o", &[node("Solo", 3.0)], &[edge(0, 0, 1.0), edge(0, 9, 1.0)]);
        assert_eq!((one.matches("<circle").count(), one.matches("<line").count()), (1, 0));
        let same = vec![node("Twin", 1.0); 3];
        let (circles, _) = parse(&graph_svg("s", "s", &same, &[]));
        assert!(circles.iter().all(|c| c.iter().all(|v| v.is_finite())));
        let long = graph_svg("l", "l", &[node(&"Very long topic title ".repeat(5), 1.0)], &[]);
        assert!(long.contains("…</text>"));
    }

    #[test]
    fn labels_and_links_are_escaped() {
        let n = Node {
            label: "R&D <AI>".into(),
            href: "/t/?a=1&b=\"2\"".into(),
            weight: 1.0,
        };
        let svg = graph_svg("x", "A & B", &[n], &[]);
        assert!(svg.contains(r#"href="/t/?a=1&amp;b=&quot;2&quot;""#));
        assert!(svg.contains(">R&amp;D &lt;AI&gt;</text>") && svg.contains(">A &amp; B</title>"));
    }
}
