module github.com/azchina/azchina

go 1.26.8

require (
	github.com/go-telegram/bot v1.19.0
	github.com/kljensen/snowball v0.10.0
	github.com/sahilm/fuzzy v0.1.3
	github.com/stretchr/testify v1.12.1
	golang.org/x/text v0.43.0
	gopkg.in/yaml.v3 v3.0.1
)

require (
	github.com/kr/pretty v0.1.0 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	gopkg.in/check.v1 v1.0.0-20180628173108-788fd7840127 // indirect
)
