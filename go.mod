module github.com/khaldun/khaldun

go 1.26.8
