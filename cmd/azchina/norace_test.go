//go:build !race

package main

// raceBuild: the tests run without the race detector, and so does the binary they build.
const raceBuild = false
