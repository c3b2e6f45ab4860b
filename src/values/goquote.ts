// Go's strconv.Quote (what `%q` prints for a string), for messages that quote a key or a file name.
export { quote as goQuote } from '../template/strconv.ts';
