<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>Volume Mapper</source>
        <translation>Volume Mapper</translation>
    </message>
    <message>
        <source>Build device-mapper tables from block devices, create mappings and watch their I/O.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create Mapping</source>
        <translation>Zuordnung anlegen</translation>
    </message>
    <message>
        <source>Create &lt;b&gt;/dev/mapper/%1&lt;/b&gt;, %2%3?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It uses no backing device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will use exactly these device ranges. Creating it writes nothing to them, but whatever writes to the new device changes them:&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Anlegen</translation>
    </message>
    <message>
        <source>Apply New Table</source>
        <translation>Neue Tabelle anwenden</translation>
    </message>
    <message>
        <source>Replace the live table of &lt;b&gt;%1&lt;/b&gt;? I/O pauses for a moment while the new table takes over; the device stays open. The size changes from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Now&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;After&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>Remove &lt;b&gt;/dev/mapper/%1&lt;/b&gt;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data on its backing devices stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> It is open right now (mounted or used by a program): it can be removed once nothing uses it any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Volume Mapper did not create it; an administrator&apos;s password is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Mapping</source>
        <translation>Zuordnung entfernen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove When &amp;Unused</source>
        <translation>Entfernen, wenn &amp;unbenutzt</translation>
    </message>
    <message>
        <source>The kernel removes it as soon as the last user closes it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Volmap::BlockDeviceInfo</name>
    <message>
        <source>mounted at %1</source>
        <translation>eingehängt unter %1</translation>
    </message>
    <message>
        <source>used as swap</source>
        <translation>als Auslagerung benutzt</translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation>belegt von %1</translation>
    </message>
</context>
<context>
    <name>Volmap::ClientError</name>
    <message>
        <source>Not authorized</source>
        <translation>Nicht berechtigt</translation>
    </message>
    <message>
        <source>Authentication dismissed</source>
        <translation>Anmeldung abgebrochen</translation>
    </message>
    <message>
        <source>No authentication agent</source>
        <translation>Kein Authentifizierungsagent</translation>
    </message>
    <message>
        <source>Helper not installed</source>
        <translation>Hilfsdienst nicht installiert</translation>
    </message>
    <message>
        <source>No system bus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel without device-mapper</source>
        <translation>Kernel ohne Device-Mapper</translation>
    </message>
    <message>
        <source>Kernel module not available</source>
        <translation>Kernelmodul nicht verfügbar</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device in use</source>
        <translation>Gerät belegt</translation>
    </message>
    <message>
        <source>Overlaps another mapping</source>
        <translation>Überschneidet sich mit einer anderen Zuordnung</translation>
    </message>
    <message>
        <source>Invalid input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account is not allowed to do this. Ask an administrator, or sign in as one when asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password prompt was closed, so nothing was changed. Try again and authenticate to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No polkit authentication agent is running in this session, so nobody could be asked for a password. Start your desktop&apos;s authentication agent (it runs in any full desktop session) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install the volmap-helper package, which provides the system service that changes mappings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The D-Bus system bus is not running or not reachable. Start dbus (systemctl start dbus) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The running kernel has no device-mapper support. Boot a kernel with CONFIG_BLK_DEV_DM, or load the dm-mod module.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The basic_target kernel module is not installed for the running kernel. Install the basic-target-dkms package (and this kernel&apos;s headers), or use linear segments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernel or the helper is busy with this device right now. Wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something uses it: a mount, swap, a program, or another mapping or RAID array. Unmount or stop that first, or pick another device. An open mapping can also be removed with Remove When Unused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another mapping already uses part of this range. Change the offset or length so the ranges do not overlap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the marked problem and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mapping is gone; the list has been refreshed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another name for the new mapping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The helper did not answer. Check the system log (journalctl -u volmap-helper) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the system log (journalctl -u volmap-helper) for details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Volume Mapper helper (org.volmap.Helper1) is not installed or cannot be started; install the volmap-helper package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system bus refused the call: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the helper did not answer in time (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no connection to the D-Bus system bus: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests waiting</source>
        <translation>Zu viele wartende Anfragen</translation>
    </message>
    <message>
        <source>Too many of your requests are waiting for authorization. Answer or cancel the open authentication dialogs, then try again.</source>
        <translation>Zu viele Ihrer Anfragen warten auf eine Berechtigung. Beantworten oder schließen Sie die offenen Anmeldedialoge und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Device is read-only</source>
        <translation>Gerät ist schreibgeschützt</translation>
    </message>
    <message>
        <source>The device can only be read (a write-protect switch, a read-only medium or its ro flag). Create the mapping read-only, or pick another device.</source>
        <translation>Das Gerät lässt sich nur lesen (ein Schreibschutzschalter, ein nur lesbares Medium oder sein ro-Flag). Legen Sie die Zuordnung schreibgeschützt an oder wählen Sie ein anderes Gerät.</translation>
    </message>
</context>
<context>
    <name>Volmap::DevicePanel</name>
    <message>
        <source>Filter devices</source>
        <translation>Geräte filtern</translation>
    </message>
    <message>
        <source>Block devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a device onto the table editor to add it as a segment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Volmap::DeviceTreeModel</name>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Filesystem</source>
        <translation>Dateisystem</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Belegt</translation>
    </message>
</context>
<context>
    <name>Volmap::IoMonitorView</name>
    <message>
        <source>I/O monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a mapping to watch its I/O</source>
        <translation>Wählen Sie eine Zuordnung, um ihre E/A zu sehen</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often the block-layer counters are read; per-segment counters are read at most every %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset per-segment counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the basic_target counters of every segment of this mapping to zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resetting the counters of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since the mapping appeared, as the block layer counts it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests issued to the mapping and not yet completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average time a read or write completed in the last interval took</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I/O operations per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-segment counters (basic_target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try reading per-segment counters again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-segment counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the per-segment counters…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I/O sampling of %1 paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I/O sampling of %1 resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume sampling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the counters again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause sampling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reading the counters; the charts keep what they show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read %1 · write %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This mapping has no basic_target segments: only they count I/O per segment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;The block-layer charts above are not affected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-segment counters of %1 unavailable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset coun&amp;ters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;sume</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Volmap::LayoutBar</name>
    <message>
        <source>Layout of the new device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag devices here to build the new device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n segment(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Segment %1: %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
on %1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Volmap::MainWindow</name>
    <message>
        <source>Volume Mapper</source>
        <translation>Volume Mapper</translation>
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Add Selected Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mapping</source>
        <translation>&amp;Zuordnung</translation>
    </message>
    <message>
        <source>&amp;Open Selected in Editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;Counters of Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Volume Mapper</source>
        <translation>&amp;Über Volume Mapper</translation>
    </message>
    <message>
        <source>About Volume Mapper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Volume Mapper %1&lt;/b&gt;&lt;p&gt;Build device-mapper tables from your block devices by dragging them, create and change mappings live, and watch the I/O that flows through them.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping Created</source>
        <translation>Zuordnung angelegt</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format it, mount it or hand it to a program like any disk. Select it under Mappings to watch its I/O.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the table of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the table of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying the new table to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not apply the table to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 now runs the new table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 goes away when it is no longer in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resetting the counters of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reset the counters of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counters of %1 reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1.&lt;/b&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mapping(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Mappings</source>
        <translation>Zuordnungen</translation>
    </message>
    <message>
        <source>Live I/O</source>
        <translation>Live-E/A</translation>
    </message>
</context>
<context>
    <name>Volmap::MappingListModel</name>
    <message>
        <source>Volume Mapper</source>
        <translation>Volume Mapper</translation>
    </message>
    <message>
        <source>other (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removal pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Angelegt von</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>Volmap::MappingsPanel</name>
    <message>
        <source>&amp;Open in Editor</source>
        <translation>Im Editor ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Device-mapper mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load this mapping&apos;s table into the editor to change it live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this mapping; the data on its devices stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1.&lt;/b&gt; %2&lt;br&gt;%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Volmap::RateChart</name>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 now: read %2, write %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Volmap::SegmentCountersModel</name>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sectors %1 to %2 (%3 sectors of 512 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known after the second reading of the counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read %1 (%2 I/Os per second), wrote %3 (%4 I/Os per second)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flushes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the segment lies in the mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backing device the segment maps to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since the segment was loaded or its counters were reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes read and written per second, over the last reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This segment&apos;s part of the mapping&apos;s current throughput</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Volmap::SegmentDelegate</name>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Versatz</translation>
    </message>
    <message>
        <source>A size such as 512 MiB, 2G or 4096s; plain numbers are in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Volmap::SegmentTableModel</name>
    <message>
        <source>Start</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Versatz</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Change length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no free range of %2 left in this table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All of %1 is already used by this table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Add %n segment(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No free range of %1 left on %2: this table and other users take the rest (%3).</source>
        <translation>Auf %2 ist kein freier Bereich von %1 mehr übrig: diese Tabelle und andere Nutzer belegen den Rest (%3).</translation>
    </message>
    <message>
        <source>No free space left on %1: this table and other users take all of it (%2).</source>
        <translation>Auf %1 ist kein Platz mehr frei: diese Tabelle und andere Nutzer belegen alles (%2).</translation>
    </message>
</context>
<context>
    <name>Volmap::TableEditor</name>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Read-only</source>
        <translation>&amp;Schreibgeschützt</translation>
    </message>
    <message>
        <source>sectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit for lengths and offsets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all free space</source>
        <translation>ganzer freier Platz</translation>
    </message>
    <message>
        <source>Length of dropped devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much of a dropped device a new segment takes, e.g. 512 MiB. Empty: the largest free range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments of the new device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. fastdata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new device refuses writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Einheit:</translation>
    </message>
    <message>
        <source>&amp;Drop length:</source>
        <translation>&amp;Länge beim Ablegen:</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Re&amp;move Segment</source>
        <translation>Segment &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Add &amp;Zero Segment</source>
        <translation>&amp;Null-Segment hinzufügen</translation>
    </message>
    <message>
        <source>Add Zero</source>
        <translation>Null-Segment</translation>
    </message>
    <message>
        <source>Add a segment that reads zeros and discards writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Table…</source>
        <translation>Tabelle &amp;importieren…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>&amp;Paste Table</source>
        <translation>Tabelle ein&amp;fügen</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Replace the table with dmsetup table text from the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Table…</source>
        <translation>Tabelle &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Show dmsetup &amp;Command</source>
        <translation>dmsetup-&amp;Befehl zeigen</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>&amp;Create Mapping…</source>
        <translation>Zuordnung &amp;anlegen…</translation>
    </message>
    <message>
        <source>&amp;Apply to Mapping…</source>
        <translation>Auf Zuordnung &amp;anwenden…</translation>
    </message>
    <message>
        <source>Move Segment Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Segment Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing the live table of &lt;b&gt;%1&lt;/b&gt;. &lt;i&gt;Apply&lt;/i&gt; replaces it without unmounting; nothing changes until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text is larger than any table Volume Mapper edits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a device-mapper table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text holds no table lines (&quot;start length target arguments…&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table text could not be read:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n segment(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Apply to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a device from the device list onto the table, or import a table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;span style=&apos;color:#d03030&apos;&gt;⚠ %n problem(s):&lt;/span&gt; %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The table is valid (%1). Name the new mapping to create it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#d03030&apos;&gt;⚠ Name:&lt;/span&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>✓ Valid: %n segment(s), %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Create the mapping (asks for confirmation first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove %n segment(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Import Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device-mapper tables (*.table *.txt *.dm);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than any table Volume Mapper edits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device-mapper tables (*.table);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equivalent dmsetup Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dmsetup command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run as root to create the same mapping without Volume Mapper:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;w Mapping Instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#d03030&apos;&gt;⚠ Conflict:&lt;/span&gt; %1</source>
        <translation>&lt;span style=&apos;color:#d03030&apos;&gt;⚠ Konflikt:&lt;/span&gt; %1</translation>
    </message>
    <message>
        <source>Checking what else uses these devices…</source>
        <translation>Prüfe, was diese Geräte sonst noch nutzt…</translation>
    </message>
</context>
<context>
    <name>Volmap::TableSummary</name>
    <message>
        <source>%1: %2 from %3 (sectors %4–%5), %6</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
