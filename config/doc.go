// Package config reads azchina's settings from a file and the environment and rejects bad
// ones with a clear message.
package config
