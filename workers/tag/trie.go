package tag

import (
	"unicode"
)

// trieNode is a character trie of normalised CJK names, matched by longest
// match without word boundaries.
type trieNode struct {
	next map[rune]*trieNode
	refs []ref
}

func newTrie() *trieNode { return &trieNode{next: map[rune]*trieNode{}} }

func (t *trieNode) insert(name string, r ref) {
	n := t
	for _, c := range name {
		child, ok := n.next[c]
		if !ok {
			child = newTrie()
			n.next[c] = child
		}
		n = child
	}
	for _, x := range n.refs {
		if x == r {
			return
		}
	}
	n.refs = append(n.refs, r)
}

// longest returns the length in runes of the longest name starting at
// runes[i], with its entries; 0 when none.
func (t *trieNode) longest(runes []rune, i int) (int, []ref) {
	n, best, refs := t, 0, []ref(nil)
	for j := i; j < len(runes); j++ {
		child, ok := n.next[foldCJK(runes[j])]
		if !ok {
			break
		}
		n = child
		if len(n.refs) > 0 {
			best, refs = j-i+1, n.refs
		}
	}
	return best, refs
}

// foldCJK applies the per-character part of normalize that matters inside
// CJK text: full-width Latin letters and digits to ASCII, lower case.
func foldCJK(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		r -= 0xFEE0
	}
	return unicode.ToLower(r)
}
