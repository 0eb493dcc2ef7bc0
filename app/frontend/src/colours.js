// Colour scales for the maps: a sequential ramp for an indicator's values, a categorical palette for
// communities (both from d3's published schemes, so neighbouring colours stay tellable apart).
import { scaleOrdinal, scaleSequential, scaleSequentialLog } from "d3-scale";
import { interpolateYlGnBu, schemeSet3, schemeTableau10 } from "d3-scale-chromatic";

// YlGnBu's palest eighth is near white: the ramp starts above it, so the smallest value still reads as
// coloured against the grey of places without one.
const ramp = (k) => interpolateYlGnBu(0.15 + 0.85 * k);

/**
 * Return {colourOf(value), stops, log, min, max} for `values`: a YlGnBu ramp over their range, on a log
 * scale when the values are positive and span two orders of magnitude (a few large cities would otherwise
 * leave every other place pale). `stops` are CSS colours along the ramp, for a legend gradient.
 */
export function sequentialScale(values) {
  const finite = values.filter(Number.isFinite);
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const log = min > 0 && max / min >= 100;
  const scale = (log ? scaleSequentialLog(ramp) : scaleSequential(ramp)).domain([min, max]).clamp(true);
  // One value (or one place) gets the ramp's dark end rather than d3's midpoint for an empty domain.
  const colourOf = (value) => (min === max ? ramp(1) : scale(value));
  return { colourOf, stops: [0, 0.25, 0.5, 0.75, 1].map(ramp), log, min, max };
}

/** Return a function from a community id to its colour: Tableau's ten, then Set3's twelve, then repeats. */
export function categoricalScale(ids) {
  return scaleOrdinal([...schemeTableau10, ...schemeSet3]).domain(ids);
}
