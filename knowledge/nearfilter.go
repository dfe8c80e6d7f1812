package knowledge

import "iter"

// nearFilter tells in a few look-ups whether a word may be one edit from a word of a set,
// an edit after the first letter as eachEdit makes them, so that a word one edit from
// none need not have its hundreds of edits looked up. Two words are one such edit apart
// only if, each with at most one letter after the first left out, they are the same
// (SymSpell's deletion neighbourhoods): a letter changed, or two swapped, leaves the same
// word once that letter is left out of both. The filter holds two bits of a hash of each
// word of the set and of each of its forms with a letter left out; it may say yes of a
// word near no word of the set (rarely), never no of one near one.
type nearFilter struct {
	bits []uint64
	mask uint64
}

// newNearFilter builds the filter of a set of words.
func newNearFilter(words iter.Seq[string]) nearFilter {
	forms := 0
	for w := range words {
		forms += len(w)
	}
	size := uint64(64)
	for size < uint64(forms)*32 { // some 32 bits a form: one look-up in 250 says yes wrongly
		size *= 2
	}
	f := nearFilter{bits: make([]uint64, size/64), mask: size - 1}
	for w := range words {
		eachForm(w, func(h uint64) bool {
			for _, b := range [2]uint64{h & f.mask, h >> 32 & f.mask} {
				f.bits[b/64] |= 1 << (b % 64)
			}
			return false
		})
	}
	return f
}

// mayBeNear reports whether w may be one edit from a word of the set: false when it is
// not.
func (f nearFilter) mayBeNear(w string) bool {
	return eachForm(w, func(h uint64) bool {
		for _, b := range [2]uint64{h & f.mask, h >> 32 & f.mask} {
			if f.bits[b/64]&(1<<(b%64)) == 0 {
				return false
			}
		}
		return true
	})
}

// eachForm calls fn with the hash of w and of each form of w with one letter after the
// first left out, until fn returns true, and reports whether it did.
func eachForm(w string, fn func(uint64) bool) bool {
	const offset, prime = 14695981039346656037, 1099511628211 // FNV-1a
	if fn(mix(hashFrom(offset, w))) {
		return true
	}
	prefix := uint64(offset)
	for i := 1; i < len(w); i++ {
		prefix = (prefix ^ uint64(w[i-1])) * prime
		if fn(mix(hashFrom(prefix, w[i+1:]))) {
			return true
		}
	}
	return false
}

// hashFrom continues an FNV-1a hash h with the bytes of s.
func hashFrom(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return h
}

// mix spreads the bits of an FNV hash, whose low bits vary little, over all of them
// (SplitMix64's finaliser).
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	return h ^ h>>31
}
