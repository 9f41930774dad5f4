// SPDX-License-Identifier: GPL-2.0-or-later
// bench_rawtable NAME FILE: CreateMapping of NAME with FILE's text as the
// table string on the system bus, as a client that does not use table-fd
// sends it. For vm-helper.sh's context row: what receiving a long string
// still costs the helper (libdbus validates it, QtDBus converts it) before
// admission refuses it by its size. gdbus cannot send it: Linux limits one
// command-line argument to 128 KiB. Prints the reply's error name; exits
// 0 if the call failed.

#include "helperprotocol.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QFile>

#include <cstdio>

using namespace Volmap;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench_rawtable NAME FILE\n");
        return 2;
    }
    QFile file(QString::fromLocal8Bit(argv[2]));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bench_rawtable: cannot read %s\n", argv[2]);
        return 2;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(
        HelperProtocol::serviceName(), HelperProtocol::objectPath(), HelperProtocol::interfaceName(),
        QStringLiteral("CreateMapping"));
    call << QString::fromLocal8Bit(argv[1]) << QString::fromUtf8(file.readAll()) << QVariantMap();
    const QDBusMessage reply = QDBusConnection::systemBus().call(call, QDBus::Block, 120000);
    std::printf("%s\n", qPrintable(reply.errorName()));
    return reply.type() == QDBusMessage::ErrorMessage ? 0 : 1;
}
