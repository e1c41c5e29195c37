// Package storesql owns the SQL filter conditions over khaldun's store
// schema (tables articles, events, quotes, actors, places and failures):
// the WHERE clause and arguments that select the rows a khaldun.Filter
// asks for, written once for every SQL store.
//
// The stores differ in a few words of SQL, which a Dialect gives: the LIKE
// operator that ignores case, what follows a date bound, and how full-text
// search is asked for. Conditions use ? placeholders, their arguments in
// the order the placeholders appear; a store whose driver wants another
// style renumbers them. The list queries (List: their SQL and how a row
// reads) are here too; running them stays in each store, with its driver.
package storesql
