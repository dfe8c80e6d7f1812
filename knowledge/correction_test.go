package knowledge

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestClaimsToldOtherwise(t *testing.T) {
	e := seedEngine(t)
	tests := []struct {
		claim, says string // says is "" when the articles do not tell the claim otherwise
	}{
		{"fact check: the diplomatic missions were established in 1994", "1992"},
		{"someone said xi welcomed aliyev at zhongnanhai, correct?", "Great Hall of the People"},
		{"is it true that the space agreement is with ESA", "China National Space Administration"},
		{"the state visit began on a monday, right?", "Wednesday"},
		{"did bayramov really meet wang yi in shanghai?", "Beijing"},       // a place named elsewhere, where the claim puts it
		{"did xi really meet putin in moscow?", ""},                        // a doubt, not a claim of a name they never use
		{"is it true that china and azerbaijan signed a nuclear deal", ""}, // no name: another thing
		{"did georgia sign a sister city deal with urumqi?", ""},           // a name the articles use
		{"were the missions opened in 1992?", ""},                          // told as asked: no correction
		{"aliyev cited a 40% jump in bilateral trade, true?", "20%"},       // a figure, however the claim was put
		{"the ministers welcomed the upcoming 40th anniversary of diplomatic relations, right?", "35th"},
		{"did the ministers welcome the upcoming 35th anniversary?", ""},
		{"Xi praised Azerbaijan for hosting COP30 - ok to post?", "COP29"},                       // a moderator's tag
		{"xi met the french president on april 11, right?", "Spanish"},                           // a people, in lower case
		{"fact check: xi praised azerbaijan's chairmanship of the Non-Aligned Movement", "CICA"}, // a name of several words, in its slot
		{"fact check: the sides agreed to support developing Confucius Institutes in Georgia", "Azerbaijan"},
		{"is it true that aliyev travelled with his wife Nargiz Aliyeva", "Mehriban"},                                                            // a wife named otherwise
		{"did azerbaijan's Ministry of Transport sign the space agreement with the China National Space Administration?", "Digital Development"}, // a body's name, of English words
		{"fact check: the joint statement backs developing Confucius Institutes in Azerbaijan", ""},                                              // a name the articles use, in no other's slot
	}
	for _, tt := range tests {
		a := ask(t, e, tt.claim)
		corrected := strings.HasPrefix(a.Text, otherwise)
		if tt.says == "" {
			assert.False(t, corrected, "%s: %s", tt.claim, a.Text)
			continue
		}
		if assert.True(t, a.Answered && corrected, "%s: %s", tt.claim, a.Text) {
			assert.Contains(t, a.Text, tt.says, tt.claim)
		}
	}
}
