// SPDX-License-Identifier: GPL-2.0-or-later
// The German catalogue is complete, and the table code's messages (parse
// and validate, shared with the helper) come out translated once the app
// installs its translator, and in English without one, as in the helper.

#include "devicereference.h"
#include "mappingname.h"
#include "sizeunits.h"
#include "tabletext.h"
#include "tablevalidator.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Volmap;

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void germanCatalogueIsComplete();
    void tableMessagesAreTranslated_data();
    void tableMessagesAreTranslated();
};

/* Every message has a translation (every plural form too), none unfinished or empty. */
void TestTranslations::germanCatalogueIsComplete()
{
    QFile file(QStringLiteral(VOLMAP_TS_FILE));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    QStringList missing;
    int messages = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            continue;
        }
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"source") {
            source = xml.readElementText();
            ++messages;
        } else if (xml.name() == u"translation") {
            const bool unfinished = xml.attributes().value(QStringLiteral("type")) == u"unfinished";
            const bool numerus = xml.attributes().hasAttribute(QStringLiteral("numerus"))
                                 || source.contains(u"%n");
            QStringList forms;
            if (numerus) {
                while (xml.readNextStartElement()) {
                    forms.append(xml.readElementText());
                }
            } else {
                forms.append(xml.readElementText());
            }
            const bool empty = forms.isEmpty()
                               || std::any_of(forms.cbegin(), forms.cend(),
                                              [](const QString &form) { return form.isEmpty(); });
            if (unfinished || empty) {
                missing.append(context + QStringLiteral(": ") + source);
            }
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(messages > 100, "the catalogue was not read");
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 of %2 untranslated:\n").arg(missing.size()).arg(messages)
                        + missing.join(u'\n')));
}

void TestTranslations::tableMessagesAreTranslated_data()
{
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("german");
    QTest::newRow("syntax") << QStringLiteral("line 1: expected <start> <length> <target> [arguments]")
                            << QStringLiteral("Zeile 1: erwartet <start> <length> <target> [Argumente]");
    QTest::newRow("gap")
        << QStringLiteral("gap: the previous segment ends at sector 8 but this one starts at 16")
        << QStringLiteral("Lücke: das vorige Segment endet bei Sektor 8, dieses beginnt aber bei 16");
    QTest::newRow("device")
        << QStringLiteral("device 'sda' must be major:minor or an absolute path under /dev")
        << QStringLiteral("Gerät 'sda' muss major:minor oder ein absoluter Pfad unter /dev sein");
    QTest::newRow("name") << QStringLiteral("a mapping name must not be empty")
                          << QStringLiteral("ein Zuordnungsname darf nicht leer sein");
    QTest::newRow("size") << QStringLiteral("'abc' is not a size") << QStringLiteral("'abc' ist keine Größe");
}

void TestTranslations::tableMessagesAreTranslated()
{
    QFETCH(QString, english);
    QFETCH(QString, german);
    const auto message = [&]() -> QString {
        const QString row = QString::fromLatin1(QTest::currentDataTag());
        if (row == u"syntax") {
            return parseTable(u"0 8").issues.value(0).toString();
        }
        if (row == u"gap") {
            return validateTableText(u"0 8 zero\n16 8 zero\n", {}).value(0).message;
        }
        if (row == u"device") {
            return validateTableText(u"0 8 linear sda 0\n", {}).value(0).message;
        }
        if (row == u"name") {
            const auto checked = checkMappingName(QString());
            return checked ? QString() : checked.error();
        }
        const auto parsed = parseSizeInSectors(QStringLiteral("abc"), SizeUnit::MiB);
        return parsed ? QString() : parsed.error();
    };
    // No translator, as in the helper: English.
    QCOMPARE(message(), english);
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::German), QStringLiteral("volmap"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&translator);
    const QString translated = message();
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(translated, german);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
