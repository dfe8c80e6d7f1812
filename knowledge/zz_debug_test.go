package knowledge

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDebug(t *testing.T) {
	e := seedEngine(t)
	q := e.readQuestion(os.Getenv("ZZQ"))
	for i, qt := range q.terms {
		fmt.Println(qt.Word, "required:", q.required[i], "topical:", q.topical[i])
	}
}
