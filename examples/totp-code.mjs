// What an authenticator app shows: the TOTP code of an otpauth:// URI, now or for the next
// 30-second period (`--next`). `npm run -s totp-code -- "<otpauth_url>" [--next]`
import { generate } from 'otplib';

const [url, when] = process.argv.slice(2);
if (!url?.startsWith('otpauth://')) {
  console.error('usage: npm run -s totp-code -- "otpauth://totp/…?secret=…" [--next]');
  process.exit(1);
}
const secret = new URL(url).searchParams.get('secret');
const epoch = Math.floor(Date.now() / 1000) + (when === '--next' ? 30 : 0);
try {
  console.log(await generate({ secret, epoch }));
} catch (err) {
  console.error(`totp-code: ${err.message}`);
  process.exit(1);
}
