#!/usr/bin/python3
"""smtp_sink — a local SMTP server for the API tests of the e-mail outbox (Debian's
python3-aiosmtpd). Every message it accepts is written to DIR as N.eml (the bytes as
received) and N.json: the envelope, the headers as sent, the subject decoded by
Python's own RFC 2047 reader, the text body, and each attachment with its file name,
type, size and bytes in base64 — so the test checks what a mail client would see.

usage: smtp_sink.py PORT DIR      (prints "ready" once it listens; stops on SIGTERM)
"""
import base64
import email
import json
import os
import signal
import sys
import threading
from email import policy

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        msg = email.message_from_bytes(raw, policy=policy.default)
        raw_msg = email.message_from_bytes(raw, policy=policy.compat32)
        text = msg.get_body(preferencelist=('plain',))
        summary = {
            'mail_from': envelope.mail_from,
            'rcpt_tos': envelope.rcpt_tos,
            'subject_raw': raw_msg['Subject'],
            'subject': str(msg['Subject']),
            'headers': {k: str(v) for k, v in raw_msg.items()},
            'content_type': msg.get_content_type(),
            'body': text.get_content() if text else None,
            'attachments': [
                {
                    'filename': part.get_filename(),
                    'content_type': part.get_content_type(),
                    'size': len(part.get_payload(decode=True)),
                    'base64': base64.b64encode(part.get_payload(decode=True)).decode(),
                }
                for part in msg.iter_attachments()
            ],
        }
        with self.lock:
            self.count += 1
            n = self.count
        with open(os.path.join(self.folder, f'{n}.eml'), 'wb') as f:
            f.write(raw)
        tmp = os.path.join(self.folder, f'{n}.json.tmp')
        with open(tmp, 'w', encoding='utf-8') as f:
            json.dump(summary, f, ensure_ascii=False)
        os.rename(tmp, os.path.join(self.folder, f'{n}.json'))
        return '250 Message accepted for delivery'


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    controller = Controller(Sink(folder), hostname='127.0.0.1', port=port)
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    print('ready', flush=True)
    stop.wait()
    controller.stop()


if __name__ == '__main__':
    main()
