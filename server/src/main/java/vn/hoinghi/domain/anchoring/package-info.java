/**
 * Where an annotation points in the draft, in the spirit of the W3C Web Annotation model: a quote selector (the exact
 * text with some context before and after) and a position selector (offsets in the node's text), and how an anchor
 * finds its text again in a new draft version. Offsets count UTF-16 code units, as Java and JavaScript strings do.
 */
package vn.hoinghi.domain.anchoring;
