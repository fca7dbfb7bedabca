import gift from 'gift-pegjs';
import fs from 'node:fs';
const text = fs.readFileSync('/tmp/i15-exam/exam.gift', 'utf8');
const qs = (gift.parse ?? gift.default?.parse)(text);
console.log(qs.length, JSON.stringify(qs[1], null, 1).slice(0, 1500));
console.log(JSON.stringify(qs.find(q=>q.type==='Numerical'), null, 1).slice(0, 800));
