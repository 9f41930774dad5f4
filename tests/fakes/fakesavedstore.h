// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Saved definitions for the fake helper: a scratch /etc/volmap and the
// identities udev would report for FakeHelperService's disks, which a
// test may change (a disk gains a serial number, a partition is unplugged).

#include "fakehelperservice.h"
#include "savedmappings.h"

#include <QFile>
#include <QTemporaryDir>

#include <unistd.h>

namespace Volmap::Fakes {

class FakeSavedStore
{
public:
    /* sdb with a WWN; sdc without WWN or serial, so neither it nor sdc1 can be saved. */
    QList<DeviceFacts> facts = defaultFacts();

    /* A fresh, empty store, attached to `helper`'s service (after its start()). */
    void attach(FakeHelperService &helper)
    {
        facts = defaultFacts();
        m_root = std::make_unique<QTemporaryDir>();
        QVERIFY(m_root->isValid());
        // Root's folders are not group- or world-writable; the store refuses them otherwise.
        QFile::setPermissions(m_root->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                                  | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
                                                  | QFile::ExeOther);
        saved = std::make_unique<SavedMappings>(*helper.backend, *helper.devices,
                                                DefinitionStore(m_root->path(), ::geteuid()),
                                                [this]() { return facts; });
        helper.service->setSavedMappings(saved.get());
    }
    /* Before the helper stops. */
    void detach(FakeHelperService &helper)
    {
        if (helper.service) {
            helper.service->setSavedMappings(nullptr);
        }
        saved.reset();
        m_root.reset();
    }

    /* sdc gets a serial number, so it and sdc1 (PARTUUID 6a7b-01) can be saved. */
    void giveSdcASerial()
    {
        for (DeviceFacts &device : facts) {
            if (device.kernelName == u"sdc") {
                device.byIdNames = {QStringLiteral("ata-QEMU_HARDDISK_QM00003")};
                device.preferredById = device.byIdNames[0];
            }
        }
    }
    /* udev no longer knows `kernelName`: it was unplugged. */
    void unplug(const QString &kernelName)
    {
        facts.removeIf([&](const DeviceFacts &device) { return device.kernelName == kernelName; });
    }

    std::unique_ptr<SavedMappings> saved;

    static QList<DeviceFacts> defaultFacts()
    {
        DeviceFacts sdb;
        sdb.number = {8, 16};
        sdb.kernelName = QStringLiteral("sdb");
        sdb.sectors = 4194304;
        sdb.byIdNames = {QStringLiteral("wwn-0x5000aa")};
        sdb.preferredById = sdb.byIdNames[0];
        DeviceFacts sdc;
        sdc.number = {8, 32};
        sdc.kernelName = QStringLiteral("sdc");
        sdc.sectors = 2097152;
        DeviceFacts sdc1;
        sdc1.number = {8, 33};
        sdc1.kernelName = QStringLiteral("sdc1");
        sdc1.sectors = 1000000;
        sdc1.isPartition = true;
        sdc1.parent = sdc.number;
        sdc1.partUuid = QStringLiteral("6a7b-01");
        return {sdb, sdc, sdc1};
    }

private:
    std::unique_ptr<QTemporaryDir> m_root;
};

} // namespace Volmap::Fakes
