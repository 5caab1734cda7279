//! Where each topic of the graph goes. A force-directed layout (Fruchterman–Reingold),
//! deterministic: nodes start on a circle in input order, run a fixed number of iterations
//! with a fixed cooling schedule, and nothing depends on time, randomness or hash order.
//! The result is stretched onto an area at most about as wide as the other charts, growing
//! downwards with the number of topics so that labels stay legible on a phone; a last pass
//! pushes apart any two nodes whose circle-and-label boxes overlap, and the viewBox is
//! fitted around them.

use super::super::charts::svg::{FONT, text_width};

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
/// A node's circle and the box it needs with its label under it, relative to its centre.
pub(super) struct Shape {
    /// Radius of the circle.
    pub(super) r: f64,
    /// The label as drawn.
    pub(super) label: String,
    half_width: f64,
    above: f64,
    below: f64,
}

impl Shape {
    /// The shape of a circle of radius `r` with `label` under it.
    pub(super) fn new(r: f64, label: String) -> Shape {
        Shape {
            r,
            half_width: r.max(text_width(&label) / 2.0) + GAP / 2.0,
            above: r + GAP / 2.0,
            below: r + FONT + 4.0 + GAP / 2.0,
            label,
        }
    }
}

/// Positions of the node centres and the viewBox `[x, y, width, height]` that holds
/// them; `edges` are `(a, b, weight)` with valid, distinct indices.
pub(super) fn place(shapes: &[Shape], edges: &[(usize, usize, f64)]) -> (Vec<(f64, f64)>, [f64; 4]) {
    let mut pos = simulate(shapes, edges);
    separate(shapes, &mut pos);
    let view = fit(shapes, &pos);
    (pos, view)
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
        // Every pair once (i < j), node i's force kept at hand: the same sums in the same
        // order as indexing both ends of each pair, without the bounds checks.
        for i in 0..n {
            let (done, rest) = force.split_at_mut(i + 1);
            let fi = &mut done[i];
            for (k, (fj, &pj)) in rest.iter_mut().zip(&pos[i + 1..]).enumerate() {
                let (dx, dy, d) = apart(pos[i], pj, i, i + 1 + k);
                let (fx, fy) = (dx / d / d, dy / d / d);
                fi.0 += fx;
                fi.1 += fy;
                fj.0 -= fx;
                fj.1 -= fy;
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
    let xs = onto(pos.iter().map(|p| p.0).collect(), inset, width - inset);
    let ys = onto(pos.iter().map(|p| p.1).collect(), 0.0, height);
    for (p, xy) in pos.iter_mut().zip(xs.into_iter().zip(ys)) {
        *p = xy;
    }
}

/// The values mapped linearly from their own range onto `from..=to`; all in the middle
/// if they are all the same.
fn onto(values: Vec<f64>, from: f64, to: f64) -> Vec<f64> {
    let lo = values.iter().copied().fold(f64::MAX, f64::min);
    let hi = values.iter().copied().fold(f64::MIN, f64::max);
    let scale = if hi - lo > 1e-6 { (to - from) / (hi - lo) } else { 0.0 };
    values
        .into_iter()
        .map(|v| {
            if scale > 0.0 {
                from + (v - lo) * scale
            } else {
                (from + to) / 2.0
            }
        })
        .collect()
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

/// Pushes apart nodes whose boxes (circle and label) overlap, until none do or the
/// passes run out.
fn separate(shapes: &[Shape], pos: &mut [(f64, f64)]) {
    for _ in 0..SEPARATION_PASSES {
        let mut moved = false;
        for (i, a) in shapes.iter().enumerate() {
            let (done, rest) = pos.split_at_mut(i + 1);
            let p = &mut done[i];
            for (b, q) in shapes[i + 1..].iter().zip(rest) {
                if let Some((dx, dy)) = parting(a, b, *p, *q) {
                    *p = (p.0 + dx, p.1 + dy);
                    *q = (q.0 - dx, q.1 - dy);
                    moved = true;
                }
            }
        }
        if !moved {
            break;
        }
    }
}

/// How far `a` at `p` moves (and `b` at `q` the other way) so that their boxes no longer
/// overlap: half each, along the axis where they overlap least (vertical unless clearly
/// not, since labels are wide), plus a hair so that rounding cannot leave them touching.
fn parting(a: &Shape, b: &Shape, p: (f64, f64), q: (f64, f64)) -> Option<(f64, f64)> {
    let ox = a.half_width + b.half_width - (p.0 - q.0).abs();
    if ox <= 0.0 {
        return None;
    }
    let reach = if p.1 <= q.1 {
        a.below + b.above
    } else {
        b.below + a.above
    };
    let oy = reach - (p.1 - q.1).abs();
    if oy <= 0.0 {
        return None;
    }
    if ox * 1.5 < oy {
        let s = if p.0 <= q.0 { -1.0 } else { 1.0 };
        Some((s * (ox / 2.0 + 0.1), 0.0))
    } else {
        let s = if p.1 <= q.1 { -1.0 } else { 1.0 };
        Some((0.0, s * (oy / 2.0 + 0.1)))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coincident_nodes_are_parted_until_their_boxes_are_clear() {
        let shapes: Vec<Shape> = (0..6)
            .map(|i| Shape::new(5.0 + i as f64, format!("Topic {i}")))
            .collect();
        let mut pos = vec![(100.0, 100.0); 6];
        separate(&shapes, &mut pos);
        for i in 0..6 {
            for j in i + 1..6 {
                assert_eq!(parting(&shapes[i], &shapes[j], pos[i], pos[j]), None, "{i} and {j}");
            }
        }
    }

    #[test]
    fn the_view_holds_every_box_with_a_margin() {
        let shapes = [
            Shape::new(10.0, "A".into()),
            Shape::new(5.0, "A much longer label".into()),
        ];
        let [x, y, w, h] = fit(&shapes, &[(0.0, 0.0), (200.0, 50.0)]);
        assert!(x <= -12.0 - MARGIN && y <= -12.0 - MARGIN);
        assert!(x + w >= 200.0 + 68.5 + MARGIN && y + h >= 50.0 + 5.0 + FONT + 6.0 + MARGIN);
    }
}
