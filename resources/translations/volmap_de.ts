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
        <translation>Device-Mapper-Tabellen aus Blockgeräten bauen, Zuordnungen anlegen und ihre E/A beobachten.</translation>
    </message>
    <message>
        <source>Create Mapping</source>
        <translation>Zuordnung anlegen</translation>
    </message>
    <message>
        <source>Create &lt;b&gt;/dev/mapper/%1&lt;/b&gt;, %2%3?</source>
        <translation>&lt;b&gt;/dev/mapper/%1&lt;/b&gt; anlegen, %2%3?</translation>
    </message>
    <message>
        <source>, read-only</source>
        <translation>, schreibgeschützt</translation>
    </message>
    <message>
        <source>It uses no backing device.</source>
        <translation>Sie benutzt kein darunterliegendes Gerät.</translation>
    </message>
    <message>
        <source>It will use exactly these device ranges. Creating it writes nothing to them, but whatever writes to the new device changes them:&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>Sie wird genau diese Gerätebereiche benutzen. Das Anlegen schreibt nichts hinein, aber alles, was auf das neue Gerät schreibt, ändert sie:&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</translation>
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
        <translation>Die laufende Tabelle von &lt;b&gt;%1&lt;/b&gt; ersetzen? Die E/A ruht kurz, während die neue Tabelle übernimmt; das Gerät bleibt geöffnet. Die Größe ändert sich von %2 auf %3.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Now&lt;/b&gt;</source>
        <translation>&lt;b&gt;Jetzt&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;After&lt;/b&gt;</source>
        <translation>&lt;b&gt;Danach&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Current table</source>
        <translation>Aktuelle Tabelle</translation>
    </message>
    <message>
        <source>New table</source>
        <translation>Neue Tabelle</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>Remove &lt;b&gt;/dev/mapper/%1&lt;/b&gt;?</source>
        <translation>&lt;b&gt;/dev/mapper/%1&lt;/b&gt; entfernen?</translation>
    </message>
    <message>
        <source>The data on its backing devices stays as it is.</source>
        <translation>Die Daten auf den darunterliegenden Geräten bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source> It is open right now (mounted or used by a program): it can be removed once nothing uses it any more.</source>
        <translation> Sie ist gerade geöffnet (eingehängt oder von einem Programm benutzt): sie lässt sich entfernen, sobald nichts sie mehr benutzt.</translation>
    </message>
    <message>
        <source> Volume Mapper did not create it; an administrator&apos;s password is needed.</source>
        <translation> Volume Mapper hat sie nicht angelegt; das Passwort eines Administrators ist nötig.</translation>
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
        <translation>Der Kernel entfernt sie, sobald der letzte Benutzer sie schließt</translation>
    </message>
    <message>
        <source>I understand that writing to the mapping destroys this data</source>
        <translation>Mir ist klar, dass Schreiben auf die Zuordnung diese Daten zerstört</translation>
    </message>
    <message>
        <source>&lt;b&gt;Some of these ranges hold data.&lt;/b&gt; Formatting or writing to /dev/mapper/%1 overwrites it.</source>
        <translation>&lt;b&gt;Einige dieser Bereiche enthalten Daten.&lt;/b&gt; Formatieren von oder Schreiben auf /dev/mapper/%1 überschreibt sie.</translation>
    </message>
    <message>
        <source>The new table also uses these ranges:&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>Die neue Tabelle nutzt außerdem diese Bereiche:&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&amp;Recreate at startup</source>
        <translation>Beim &amp;Start neu anlegen</translation>
    </message>
    <message>
        <source>Save the definition of /dev/mapper/%1, so that it is created again after every restart from the same devices, found by their identity</source>
        <translation>Die Definition von /dev/mapper/%1 speichern, damit sie nach jedem Neustart wieder angelegt wird, aus denselben Geräten, gefunden an ihrer Kennung</translation>
    </message>
    <message>
        <source>Also &amp;forget its saved definition (otherwise it is recreated at the next startup)</source>
        <translation>Auch ihre gespeicherte Definition &amp;vergessen (sonst wird sie beim nächsten Start neu angelegt)</translation>
    </message>
    <message>
        <source> It is saved to be recreated at startup.</source>
        <translation> Sie ist gespeichert, um beim Start neu angelegt zu werden.</translation>
    </message>
    <message>
        <source>Forget Saved Mapping</source>
        <translation>Gespeicherte Zuordnung vergessen</translation>
    </message>
    <message>
        <source>Forget the saved definition of &lt;b&gt;%1&lt;/b&gt;?</source>
        <translation>Die gespeicherte Definition von &lt;b&gt;%1&lt;/b&gt; vergessen?</translation>
    </message>
    <message>
        <source>It is no longer recreated at startup. The data on its devices stays as it is; you can build the mapping again in the editor.</source>
        <translation>Sie wird nicht mehr beim Start neu angelegt. Die Daten auf ihren Geräten bleiben, wie sie sind; Sie können die Zuordnung im Editor wieder bauen.</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>&amp;Vergessen</translation>
    </message>
</context>
<context>
    <name>TableMessages</name>
    <message>
        <source>%1 is not a block device node under /dev (outside /dev/shm and /dev/mqueue)</source>
        <translation>%1 ist kein Blockgeräteknoten unter /dev (außerhalb von /dev/shm und /dev/mqueue)</translation>
    </message>
    <message>
        <source>no block device %1 exists</source>
        <translation>es gibt kein Blockgerät %1</translation>
    </message>
    <message>
        <source>cannot find the disk of partition %1</source>
        <translation>das Laufwerk der Partition %1 ist nicht zu finden</translation>
    </message>
    <message>
        <source>must be major:minor or an absolute path under /dev</source>
        <translation>muss major:minor oder ein absoluter Pfad unter /dev sein</translation>
    </message>
    <message>
        <source>path is too long</source>
        <translation>der Pfad ist zu lang</translation>
    </message>
    <message>
        <source>path may only contain printable ASCII without blanks</source>
        <translation>der Pfad darf nur druckbares ASCII ohne Leerzeichen enthalten</translation>
    </message>
    <message>
        <source>path must not contain empty, &apos;.&apos; or &apos;..&apos; components</source>
        <translation>der Pfad darf keine leeren, &apos;.&apos;- oder &apos;..&apos;-Bestandteile enthalten</translation>
    </message>
    <message>
        <source>device is empty</source>
        <translation>das Gerät ist leer</translation>
    </message>
    <message>
        <source>device %1: %2</source>
        <translation>Gerät %1: %2</translation>
    </message>
    <message>
        <source>device %1 must be major:minor or an absolute path under /dev</source>
        <translation>Gerät %1 muss major:minor oder ein absoluter Pfad unter /dev sein</translation>
    </message>
    <message>
        <source>device %1: device number out of range</source>
        <translation>Gerät %1: Gerätenummer außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>%1 may only contain letters, digits and &apos;%2&apos;</source>
        <translation>%1 darf nur Buchstaben, Ziffern und &apos;%2&apos; enthalten</translation>
    </message>
    <message>
        <source>a mapping name</source>
        <translation>ein Zuordnungsname</translation>
    </message>
    <message>
        <source>a mapping name must not be empty</source>
        <translation>ein Zuordnungsname darf nicht leer sein</translation>
    </message>
    <message>
        <source>a mapping name may be at most %1 characters long</source>
        <translation>ein Zuordnungsname darf höchstens %1 Zeichen lang sein</translation>
    </message>
    <message>
        <source>a mapping name must start with a letter or a digit</source>
        <translation>ein Zuordnungsname muss mit einem Buchstaben oder einer Ziffer beginnen</translation>
    </message>
    <message>
        <source>&apos;control&apos; is reserved for device-mapper&apos;s control node</source>
        <translation>&apos;control&apos; ist für den Steuerknoten von Device-Mapper reserviert</translation>
    </message>
    <message>
        <source>a mapping uuid must not be empty</source>
        <translation>eine Zuordnungs-UUID darf nicht leer sein</translation>
    </message>
    <message>
        <source>a mapping uuid may be at most %1 characters long</source>
        <translation>eine Zuordnungs-UUID darf höchstens %1 Zeichen lang sein</translation>
    </message>
    <message>
        <source>a mapping uuid</source>
        <translation>eine Zuordnungs-UUID</translation>
    </message>
    <message>
        <source>and %1 more problems</source>
        <translation>und %1 weitere Probleme</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a size</source>
        <translation>&apos;%1&apos; ist keine Größe</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a unit (use s, B, K, M, G or T)</source>
        <translation>&apos;%1&apos; ist keine Einheit (s, B, K, M, G oder T verwenden)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too large</source>
        <translation>&apos;%1&apos; ist zu groß</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has too many decimals</source>
        <translation>&apos;%1&apos; hat zu viele Nachkommastellen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number of bytes</source>
        <translation>&apos;%1&apos; ist keine ganze Zahl von Bytes</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number of 512-byte sectors</source>
        <translation>&apos;%1&apos; ist keine ganze Zahl von 512-Byte-Sektoren</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>the table has more than %1 segments</source>
        <translation>die Tabelle hat mehr als %1 Segmente</translation>
    </message>
    <message>
        <source>more than %1 fields</source>
        <translation>mehr als %1 Felder</translation>
    </message>
    <message>
        <source>contains a control character</source>
        <translation>enthält ein Steuerzeichen</translation>
    </message>
    <message>
        <source>expected &lt;start&gt; &lt;length&gt; &lt;target&gt; [arguments]</source>
        <translation>erwartet &lt;start&gt; &lt;length&gt; &lt;target&gt; [Argumente]</translation>
    </message>
    <message>
        <source>start %1 is not a decimal sector number</source>
        <translation>Anfang %1 ist keine dezimale Sektornummer</translation>
    </message>
    <message>
        <source>length %1 is not a decimal sector number</source>
        <translation>Länge %1 ist keine dezimale Sektorzahl</translation>
    </message>
    <message>
        <source>%1 is not a target name</source>
        <translation>%1 ist kein Zielname</translation>
    </message>
    <message>
        <source>sectors %1-%2</source>
        <translation>Sektoren %1-%2</translation>
    </message>
    <message>
        <source>the table has no segments</source>
        <translation>die Tabelle hat keine Segmente</translation>
    </message>
    <message>
        <source>the table has %1 segments; at most %2 are allowed</source>
        <translation>die Tabelle hat %1 Segmente; höchstens %2 sind erlaubt</translation>
    </message>
    <message>
        <source>segment length must be at least one sector</source>
        <translation>ein Segment muss mindestens einen Sektor lang sein</translation>
    </message>
    <message>
        <source>segment end overflows 64 bits</source>
        <translation>das Segmentende überschreitet 64 Bit</translation>
    </message>
    <message>
        <source>the table would end past sector %1, the largest device the kernel allows</source>
        <translation>die Tabelle würde hinter Sektor %1 enden, dem größten Gerät, das der Kernel erlaubt</translation>
    </message>
    <message>
        <source>the first segment must start at sector 0, not %1</source>
        <translation>das erste Segment muss bei Sektor 0 beginnen, nicht bei %1</translation>
    </message>
    <message>
        <source>gap: the previous segment ends at sector %1 but this one starts at %2</source>
        <translation>Lücke: das vorige Segment endet bei Sektor %1, dieses beginnt aber bei %2</translation>
    </message>
    <message>
        <source>overlap: the previous segment ends at sector %1 but this one starts at %2</source>
        <translation>Überschneidung: das vorige Segment endet bei Sektor %1, dieses beginnt aber bei %2</translation>
    </message>
    <message>
        <source>unsupported target %1; Volume Mapper creates %2</source>
        <translation>nicht unterstütztes Ziel %1; Volume Mapper legt %2 an</translation>
    </message>
    <message>
        <source>%1 takes exactly 2 arguments: &lt;device&gt; &lt;offset&gt;</source>
        <translation>%1 erwartet genau 2 Argumente: &lt;device&gt; &lt;offset&gt;</translation>
    </message>
    <message>
        <source>%1 takes no arguments</source>
        <translation>%1 erwartet keine Argumente</translation>
    </message>
    <message>
        <source>offset %1 is not a decimal sector number</source>
        <translation>Versatz %1 ist keine dezimale Sektornummer</translation>
    </message>
    <message>
        <source>offset plus length overflows 64 bits</source>
        <translation>Versatz plus Länge überschreitet 64 Bit</translation>
    </message>
    <message>
        <source>%1 of %2 lie past its end: it has %3 sectors</source>
        <translation>%1 von %2 liegen hinter seinem Ende: es hat %3 Sektoren</translation>
    </message>
    <message>
        <source>%1 has %2-byte logical blocks: start, length and offset must be multiples of %3 sectors</source>
        <translation>%1 hat logische Blöcke zu %2 Byte: Anfang, Länge und Versatz müssen Vielfache von %3 Sektoren sein</translation>
    </message>
    <message>
        <source>the table&apos;s devices have %1-byte logical blocks: this segment must start and end on a multiple of %2 sectors</source>
        <translation>die Geräte der Tabelle haben logische Blöcke zu %1 Byte: dieses Segment muss auf einem Vielfachen von %2 Sektoren beginnen und enden</translation>
    </message>
    <message>
        <source>%1 of %2 overlap the range segment %3 already uses</source>
        <translation>%1 von %2 überschneiden sich mit dem Bereich, den Segment %3 schon benutzt</translation>
    </message>
    <message>
        <source>the table text is %1 characters long; at most %2 are allowed</source>
        <translation>der Tabellentext ist %1 Zeichen lang; höchstens %2 sind erlaubt</translation>
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
        <translation>Kein Systembus</translation>
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
        <translation>Beschäftigt</translation>
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
        <translation>Ungültige Eingabe</translation>
    </message>
    <message>
        <source>No such mapping</source>
        <translation>Keine solche Zuordnung</translation>
    </message>
    <message>
        <source>Mapping exists</source>
        <translation>Zuordnung existiert bereits</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Keine Antwort</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this. Ask an administrator, or sign in as one when asked.</source>
        <translation>Ihr Konto darf das nicht. Fragen Sie einen Administrator, oder melden Sie sich als einer an, wenn Sie gefragt werden.</translation>
    </message>
    <message>
        <source>The password prompt was closed, so nothing was changed. Try again and authenticate to go on.</source>
        <translation>Die Passwortabfrage wurde geschlossen, also wurde nichts geändert. Versuchen Sie es noch einmal und melden Sie sich an, um fortzufahren.</translation>
    </message>
    <message>
        <source>No polkit authentication agent is running in this session, so nobody could be asked for a password. Start your desktop&apos;s authentication agent (it runs in any full desktop session) and try again.</source>
        <translation>In dieser Sitzung läuft kein polkit-Authentifizierungsagent, also konnte niemand nach einem Passwort gefragt werden. Starten Sie den Authentifizierungsagenten Ihres Desktops (er läuft in jeder vollständigen Desktopsitzung) und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Install the volmap-helper package, which provides the system service that changes mappings.</source>
        <translation>Installieren Sie das Paket volmap-helper, das den Systemdienst bereitstellt, der Zuordnungen ändert.</translation>
    </message>
    <message>
        <source>The D-Bus system bus is not running or not reachable. Start dbus (systemctl start dbus) and try again.</source>
        <translation>Der D-Bus-Systembus läuft nicht oder ist nicht erreichbar. Starten Sie dbus (systemctl start dbus) und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>The running kernel has no device-mapper support. Boot a kernel with CONFIG_BLK_DEV_DM, or load the dm-mod module.</source>
        <translation>Der laufende Kernel unterstützt Device-Mapper nicht. Starten Sie einen Kernel mit CONFIG_BLK_DEV_DM, oder laden Sie das Modul dm-mod.</translation>
    </message>
    <message>
        <source>The basic_target kernel module is not installed for the running kernel. Install the basic-target-dkms package (and this kernel&apos;s headers), or use linear segments.</source>
        <translation>Das Kernelmodul basic_target ist für den laufenden Kernel nicht installiert. Installieren Sie das Paket basic-target-dkms (und die Header dieses Kernels), oder verwenden Sie linear-Segmente.</translation>
    </message>
    <message>
        <source>The kernel or the helper is busy with this device right now. Wait a moment and try again.</source>
        <translation>Der Kernel oder der Hilfsdienst ist gerade mit diesem Gerät beschäftigt. Warten Sie einen Moment und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Something uses it: a mount, swap, a program, or another mapping or RAID array. Unmount or stop that first, or pick another device. An open mapping can also be removed with Remove When Unused.</source>
        <translation>Etwas benutzt es: eine Einhängung, Swap, ein Programm oder eine andere Zuordnung oder ein RAID-Verbund. Hängen Sie das zuerst aus oder beenden Sie es, oder wählen Sie ein anderes Gerät. Eine geöffnete Zuordnung lässt sich auch mit „Entfernen, wenn unbenutzt“ entfernen.</translation>
    </message>
    <message>
        <source>Another mapping already uses part of this range. Change the offset or length so the ranges do not overlap.</source>
        <translation>Eine andere Zuordnung benutzt schon einen Teil dieses Bereichs. Ändern Sie Versatz oder Länge, sodass sich die Bereiche nicht überschneiden.</translation>
    </message>
    <message>
        <source>Fix the marked problem and try again.</source>
        <translation>Beheben Sie das markierte Problem und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>The mapping is gone; the list has been refreshed.</source>
        <translation>Die Zuordnung ist weg; die Liste wurde aktualisiert.</translation>
    </message>
    <message>
        <source>Choose another name for the new mapping.</source>
        <translation>Wählen Sie einen anderen Namen für die neue Zuordnung.</translation>
    </message>
    <message>
        <source>The helper did not answer. Check the system log (journalctl -u volmap-helper) and try again.</source>
        <translation>Der Hilfsdienst hat nicht geantwortet. Sehen Sie im Systemprotokoll nach (journalctl -u volmap-helper) und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Check the system log (journalctl -u volmap-helper) for details.</source>
        <translation>Einzelheiten stehen im Systemprotokoll (journalctl -u volmap-helper).</translation>
    </message>
    <message>
        <source>the Volume Mapper helper (org.volmap.Helper1) is not installed or cannot be started; install the volmap-helper package</source>
        <translation>der Hilfsdienst von Volume Mapper (org.volmap.Helper1) ist nicht installiert oder lässt sich nicht starten; installieren Sie das Paket volmap-helper</translation>
    </message>
    <message>
        <source>the system bus refused the call: %1</source>
        <translation>der Systembus hat den Aufruf abgelehnt: %1</translation>
    </message>
    <message>
        <source>the helper did not answer in time (%1)</source>
        <translation>der Hilfsdienst hat nicht rechtzeitig geantwortet (%1)</translation>
    </message>
    <message>
        <source>no connection to the D-Bus system bus: %1</source>
        <translation>keine Verbindung zum D-Bus-Systembus: %1</translation>
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
    <message>
        <source>Cannot be recreated at startup</source>
        <translation>Kann nicht beim Start neu angelegt werden</translation>
    </message>
    <message>
        <source>Nothing was created or saved. A mapping recreated at startup must find each device again by something that survives a restart: a disk&apos;s WWN or serial number, a partition&apos;s PARTUUID, a loop device&apos;s backing file. Use such devices, or leave “Recreate at startup” unticked.</source>
        <translation>Nichts wurde angelegt oder gespeichert. Eine Zuordnung, die beim Start neu angelegt wird, muss jedes Gerät an etwas wiederfinden, das einen Neustart übersteht: die WWN oder Seriennummer eines Laufwerks, die PARTUUID einer Partition, die Datei hinter einem Loop-Gerät. Verwenden Sie solche Geräte, oder lassen Sie „Beim Start neu anlegen“ ohne Haken.</translation>
    </message>
</context>
<context>
    <name>Volmap::DataWarning</name>
    <message>
        <source>no such device</source>
        <translation>kein solches Gerät</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
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
        <translation>Blockgeräte</translation>
    </message>
    <message>
        <source>Drag a device onto the table editor to add it as a segment</source>
        <translation>Ziehen Sie ein Gerät auf den Tabelleneditor, um es als Segment hinzuzufügen</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
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
    <name>Volmap::ForeignRemoval</name>
    <message>
        <source>It is an LVM logical volume: the volume group loses this volume until &lt;tt&gt;vgchange -ay&lt;/tt&gt; activates it again, and whatever is on it (a filesystem, an encrypted device) goes with it.</source>
        <translation>Es ist ein logisches LVM-Volume: Der Volume-Gruppe fehlt dieses Volume, bis &lt;tt&gt;vgchange -ay&lt;/tt&gt; es wieder aktiviert, und was darauf liegt (ein Dateisystem, ein verschlüsseltes Gerät), verschwindet mit ihm.</translation>
    </message>
    <message>
        <source>It is a dm-crypt mapping: the decrypted device disappears, and its data can only be reached again by unlocking it with its passphrase. Filesystems on it must be unmounted first.</source>
        <translation>Es ist eine dm-crypt-Zuordnung: Das entschlüsselte Gerät verschwindet, und seine Daten sind erst wieder erreichbar, wenn es mit seiner Passphrase entsperrt wird. Dateisysteme darauf müssen vorher ausgehängt werden.</translation>
    </message>
    <message>
        <source>It is a multipath device: programs lose the redundant device until &lt;tt&gt;multipathd&lt;/tt&gt; sets it up again; the paths under it stay.</source>
        <translation>Es ist ein Multipath-Gerät: Programme verlieren das redundante Gerät, bis &lt;tt&gt;multipathd&lt;/tt&gt; es wieder einrichtet; die Pfade darunter bleiben.</translation>
    </message>
    <message>
        <source>It is a partition mapping made by kpartx: the partition disappears until &lt;tt&gt;kpartx -a&lt;/tt&gt; adds it again.</source>
        <translation>Es ist eine Partitionszuordnung von kpartx: Die Partition verschwindet, bis &lt;tt&gt;kpartx -a&lt;/tt&gt; sie wieder hinzufügt.</translation>
    </message>
    <message>
        <source>It has no uuid, so no tool owns it: whoever made it (a script, &lt;tt&gt;dmsetup&lt;/tt&gt;) will not find it any more.</source>
        <translation>Sie hat keine UUID, gehört also keinem Werkzeug: Wer sie angelegt hat (ein Skript, &lt;tt&gt;dmsetup&lt;/tt&gt;), findet sie nicht mehr.</translation>
    </message>
    <message>
        <source>Another tool made it (uuid &lt;tt&gt;%1&lt;/tt&gt;); that tool may stop working with the devices it manages.</source>
        <translation>Ein anderes Werkzeug hat sie angelegt (UUID &lt;tt&gt;%1&lt;/tt&gt;); es arbeitet danach mit den Geräten, die es verwaltet, womöglich nicht mehr richtig.</translation>
    </message>
    <message>
        <source>Remove &lt;b&gt;/dev/mapper/%1&lt;/b&gt;? Volume Mapper did not make it.</source>
        <translation>&lt;b&gt;/dev/mapper/%1&lt;/b&gt; entfernen? Volume Mapper hat sie nicht angelegt.</translation>
    </message>
    <message>
        <source>Remove &lt;b&gt;/dev/mapper/%1&lt;/b&gt;? It belongs to &lt;b&gt;%2&lt;/b&gt;, not to Volume Mapper.</source>
        <translation>&lt;b&gt;/dev/mapper/%1&lt;/b&gt; entfernen? Sie gehört zu &lt;b&gt;%2&lt;/b&gt;, nicht zu Volume Mapper.</translation>
    </message>
    <message>
        <source>Remove Another Tool&apos;s Mapping</source>
        <translation>Zuordnung eines anderen Werkzeugs entfernen</translation>
    </message>
    <message>
        <source>It is open right now (open count %1): something is mounted on it or built on it.</source>
        <translation>Sie ist gerade geöffnet (Öffnungszähler %1): Etwas ist darauf eingehängt oder darauf aufgebaut.</translation>
    </message>
    <message>
        <source>The data on its devices stays. An administrator&apos;s password is needed.</source>
        <translation>Die Daten auf ihren Geräten bleiben erhalten. Das Passwort eines Administrators ist nötig.</translation>
    </message>
    <message>
        <source>The data on its devices stays. Usually %1 itself should remove it; an administrator&apos;s password is needed.</source>
        <translation>Die Daten auf ihren Geräten bleiben erhalten. Normalerweise sollte %1 selbst sie entfernen; das Passwort eines Administrators ist nötig.</translation>
    </message>
    <message>
        <source>&amp;Remove Anyway</source>
        <translation>Trotzdem &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove When &amp;Unused</source>
        <translation>Entfernen, wenn &amp;unbenutzt</translation>
    </message>
</context>
<context>
    <name>Volmap::HandbookDialog</name>
    <message>
        <source>Manual Page</source>
        <translation>Handbuchseite</translation>
    </message>
    <message>
        <source>No help viewer on this desktop opens %1.</source>
        <translation>Kein Hilfeprogramm auf diesem Desktop öffnet %1.</translation>
    </message>
    <message>
        <source>Read it in a terminal with: %1</source>
        <translation>Lesen Sie sie in einem Terminal mit: %1</translation>
    </message>
    <message>
        <source>Volume Mapper Handbook</source>
        <translation>Handbuch zu Volume Mapper</translation>
    </message>
    <message>
        <source>Handbook</source>
        <translation>Handbuch</translation>
    </message>
</context>
<context>
    <name>Volmap::HelperClient</name>
    <message>
        <source>The table is too long to send to the helper on this bus connection, which cannot pass file descriptors.</source>
        <translation>Die Tabelle ist zu lang, um sie über diese Busverbindung an den Helfer zu senden, denn sie kann keine Dateideskriptoren übergeben.</translation>
    </message>
</context>
<context>
    <name>Volmap::IntervalCombo</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>Volmap::IoMonitorView</name>
    <message>
        <source>I/O monitor</source>
        <translation>E/A-Monitor</translation>
    </message>
    <message>
        <source>Select a mapping to watch its I/O</source>
        <translation>Wählen Sie eine Zuordnung, um ihre E/A zu sehen</translation>
    </message>
    <message>
        <source>Sampling interval</source>
        <translation>Messintervall</translation>
    </message>
    <message>
        <source>How often the block-layer counters are read; per-segment counters are read at most every %1 s</source>
        <translation>Wie oft die Zähler der Blockschicht gelesen werden; Zähler je Segment werden höchstens alle %1 s gelesen</translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation>&amp;Intervall:</translation>
    </message>
    <message>
        <source>Reset per-segment counters</source>
        <translation>Zähler je Segment zurücksetzen</translation>
    </message>
    <message>
        <source>Set the basic_target counters of every segment of this mapping to zero</source>
        <translation>Die basic_target-Zähler aller Segmente dieser Zuordnung auf null setzen</translation>
    </message>
    <message>
        <source>Resetting the counters of %1…</source>
        <translation>Die Zähler von %1 werden zurückgesetzt…</translation>
    </message>
    <message>
        <source>Since the mapping appeared, as the block layer counts it</source>
        <translation>Seit es die Zuordnung gibt, wie die Blockschicht zählt</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Requests issued to the mapping and not yet completed</source>
        <translation>Anfragen an die Zuordnung, die noch nicht abgeschlossen sind</translation>
    </message>
    <message>
        <source>Average latency</source>
        <translation>Mittlere Latenz</translation>
    </message>
    <message>
        <source>Average time a read or write completed in the last interval took</source>
        <translation>Mittlere Dauer eines im letzten Intervall abgeschlossenen Lese- oder Schreibvorgangs</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>Lesevorgänge</translation>
    </message>
    <message>
        <source>Writes</source>
        <translation>Schreibvorgänge</translation>
    </message>
    <message>
        <source>Bytes read</source>
        <translation>Gelesene Bytes</translation>
    </message>
    <message>
        <source>Bytes written</source>
        <translation>Geschriebene Bytes</translation>
    </message>
    <message>
        <source>I/O operations per second</source>
        <translation>E/A-Operationen pro Sekunde</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>Per-segment counters (basic_target)</source>
        <translation>Zähler je Segment (basic_target)</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>Noch &amp;einmal versuchen</translation>
    </message>
    <message>
        <source>Try reading per-segment counters again</source>
        <translation>Die Zähler je Segment noch einmal lesen</translation>
    </message>
    <message>
        <source>Per-segment counters</source>
        <translation>Zähler je Segment</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Reading the per-segment counters…</source>
        <translation>Die Zähler je Segment werden gelesen…</translation>
    </message>
    <message>
        <source>I/O sampling of %1 paused</source>
        <translation>E/A-Messung von %1 angehalten</translation>
    </message>
    <message>
        <source>I/O sampling of %1 resumed</source>
        <translation>E/A-Messung von %1 fortgesetzt</translation>
    </message>
    <message>
        <source>Resume sampling</source>
        <translation>Messung fortsetzen</translation>
    </message>
    <message>
        <source>Read the counters again</source>
        <translation>Die Zähler wieder lesen</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Pause sampling</source>
        <translation>Messung anhalten</translation>
    </message>
    <message>
        <source>Stop reading the counters; the charts keep what they show</source>
        <translation>Die Zähler nicht mehr lesen; die Diagramme behalten, was sie zeigen</translation>
    </message>
    <message>
        <source>read %1 · write %2</source>
        <translation>Lesen %1 · Schreiben %2</translation>
    </message>
    <message>
        <source>This mapping has no basic_target segments: only they count I/O per segment.</source>
        <translation>Diese Zuordnung hat keine basic_target-Segmente: nur sie zählen E/A je Segment.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;The block-layer charts above are not affected.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;Die Diagramme der Blockschicht oben sind nicht betroffen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Per-segment counters of %1 unavailable: %2</source>
        <translation>Zähler je Segment von %1 nicht verfügbar: %2</translation>
    </message>
    <message>
        <source>Reset coun&amp;ters</source>
        <translation>&amp;Zähler zurücksetzen</translation>
    </message>
    <message>
        <source>Re&amp;sume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
</context>
<context>
    <name>Volmap::LayoutBar</name>
    <message>
        <source>Layout of the new device</source>
        <translation>Aufbau des neuen Geräts</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>Leer</translation>
    </message>
    <message>
        <source>Drag devices here to build the new device</source>
        <translation>Ziehen Sie Geräte hierher, um das neue Gerät zu bauen</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n segment(s)</source>
        <translation>
            <numerusform>%1 in %n Segment</numerusform>
            <numerusform>%1 in %n Segmenten</numerusform>
        </translation>
    </message>
    <message>
        <source>Segment %1: %2, %3</source>
        <translation>Segment %1: %2, %3</translation>
    </message>
    <message>
        <source>
on %1 from %2</source>
        <translation>
auf %1 ab %2</translation>
    </message>
    <message numerus="yes">
        <source>%n more segment(s)</source>
        <translation>
            <numerusform>%n weiteres Segment</numerusform>
            <numerusform>%n weitere Segmente</numerusform>
        </translation>
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
        <translation>In Arbeit</translation>
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
        <translation>Ausgewählte Geräte &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Find Device</source>
        <translation>Gerät &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Mapping</source>
        <translation>&amp;Zuordnung</translation>
    </message>
    <message>
        <source>&amp;Open Selected in Editor</source>
        <translation>Ausgewählte im Editor ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Remove Selected…</source>
        <translation>Ausgewählte &amp;entfernen…</translation>
    </message>
    <message>
        <source>Reset &amp;Counters of Selected</source>
        <translation>&amp;Zähler der ausgewählten zurücksetzen</translation>
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
        <translation>Über Volume Mapper</translation>
    </message>
    <message>
        <source>&lt;b&gt;Volume Mapper %1&lt;/b&gt;&lt;p&gt;Build device-mapper tables from your block devices by dragging them, create and change mappings live, and watch the I/O that flows through them.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Volume Mapper %1&lt;/b&gt;&lt;p&gt;Bauen Sie Device-Mapper-Tabellen, indem Sie Ihre Blockgeräte ziehen, legen Sie Zuordnungen an, ändern Sie sie im Betrieb und beobachten Sie die E/A, die durch sie fließt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation>%1 wird angelegt…</translation>
    </message>
    <message>
        <source>Could not create %1</source>
        <translation>%1 konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>%1 angelegt</translation>
    </message>
    <message>
        <source>Mapping Created</source>
        <translation>Zuordnung angelegt</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is ready.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; ist bereit.</translation>
    </message>
    <message>
        <source>Format it, mount it or hand it to a program like any disk. Select it under Mappings to watch its I/O.</source>
        <translation>Formatieren, einhängen oder einem Programm übergeben wie jedes Laufwerk. Wählen Sie es unter Zuordnungen aus, um seine E/A zu sehen.</translation>
    </message>
    <message>
        <source>Reading the table of %1…</source>
        <translation>Die Tabelle von %1 wird gelesen…</translation>
    </message>
    <message>
        <source>Could not read the table of %1</source>
        <translation>Die Tabelle von %1 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Applying the new table to %1…</source>
        <translation>Die neue Tabelle wird auf %1 angewendet…</translation>
    </message>
    <message>
        <source>Could not apply the table to %1</source>
        <translation>Die Tabelle konnte nicht auf %1 angewendet werden</translation>
    </message>
    <message>
        <source>%1 now runs the new table</source>
        <translation>%1 läuft jetzt mit der neuen Tabelle</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation>%1 wird entfernt…</translation>
    </message>
    <message>
        <source>Could not remove %1</source>
        <translation>%1 konnte nicht entfernt werden</translation>
    </message>
    <message>
        <source>%1 goes away when it is no longer in use</source>
        <translation>%1 verschwindet, sobald es nicht mehr benutzt wird</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <source>Resetting the counters of %1…</source>
        <translation>Die Zähler von %1 werden zurückgesetzt…</translation>
    </message>
    <message>
        <source>Could not reset the counters of %1</source>
        <translation>Die Zähler von %1 konnten nicht zurückgesetzt werden</translation>
    </message>
    <message>
        <source>Counters of %1 reset</source>
        <translation>Zähler von %1 zurückgesetzt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1.&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;%1.&lt;/b&gt; %2</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n Gerät</numerusform>
            <numerusform>%n Geräte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mapping(s)</source>
        <translation>
            <numerusform>%n Zuordnung</numerusform>
            <numerusform>%n Zuordnungen</numerusform>
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
    <message>
        <source>Volume Mapper &amp;Handbook</source>
        <translation>&amp;Handbuch zu Volume Mapper</translation>
    </message>
    <message>
        <source>&amp;Manual Pages</source>
        <translation>Handbuch&amp;seiten</translation>
    </message>
    <message>
        <source>Restored the table you had not created yet</source>
        <translation>Die Tabelle, die Sie noch nicht angelegt hatten, ist wieder da</translation>
    </message>
    <message>
        <source>Restored your unapplied changes to %1</source>
        <translation>Ihre noch nicht angewendeten Änderungen an %1 sind wieder da</translation>
    </message>
    <message>
        <source>Quit Volume Mapper</source>
        <translation>Volume Mapper beenden</translation>
    </message>
    <message>
        <source>The table in the editor is not created yet.</source>
        <translation>Die Tabelle im Editor ist noch nicht angelegt.</translation>
    </message>
    <message>
        <source>Your changes to %1 are not applied yet.</source>
        <translation>Ihre Änderungen an %1 sind noch nicht angewendet.</translation>
    </message>
    <message>
        <source>Keep it to continue next time, or discard it?</source>
        <translation>Behalten, um beim nächsten Mal weiterzumachen, oder verwerfen?</translation>
    </message>
    <message>
        <source>&amp;Keep and Quit</source>
        <translation>&amp;Behalten und beenden</translation>
    </message>
    <message>
        <source>&amp;Discard and Quit</source>
        <translation>&amp;Verwerfen und beenden</translation>
    </message>
    <message>
        <source>No device matches “%1”.</source>
        <translation>Kein Gerät passt zu „%1“.</translation>
    </message>
    <message>
        <source>Looking for block devices…</source>
        <translation>Blockgeräte werden gesucht…</translation>
    </message>
    <message>
        <source>No block devices found.</source>
        <translation>Keine Blockgeräte gefunden.</translation>
    </message>
    <message>
        <source>Stacks</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <source>Looking at what the device ranges hold…</source>
        <translation>Prüfe, was die Gerätebereiche enthalten …</translation>
    </message>
    <message>
        <source>It is recreated at every startup.</source>
        <translation>Sie wird bei jedem Start neu angelegt.</translation>
    </message>
    <message>
        <source>Removed %1; its saved definition brings it back at the next startup</source>
        <translation>%1 entfernt; ihre gespeicherte Definition bringt sie beim nächsten Start zurück</translation>
    </message>
    <message>
        <source>It is assembled by itself as soon as the device it waits for appears; attach or power on that device.</source>
        <translation>Sie wird von selbst zusammengesetzt, sobald das Gerät erscheint, auf das sie wartet; schließen Sie dieses Gerät an oder schalten Sie es ein.</translation>
    </message>
    <message>
        <source>Free or reconnect what the reason names and try again, or forget the saved definition and build the mapping anew in the editor.</source>
        <translation>Geben Sie frei oder schließen Sie wieder an, was der Grund nennt, und versuchen Sie es noch einmal, oder vergessen Sie die gespeicherte Definition und bauen Sie die Zuordnung im Editor neu.</translation>
    </message>
    <message>
        <source>Saving %1 to be recreated at startup…</source>
        <translation>%1 wird gespeichert, um beim Start neu angelegt zu werden…</translation>
    </message>
    <message>
        <source>Forgetting the saved definition of %1…</source>
        <translation>Die gespeicherte Definition von %1 wird vergessen…</translation>
    </message>
    <message>
        <source>Could not save %1</source>
        <translation>%1 konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Could not forget %1</source>
        <translation>%1 konnte nicht vergessen werden</translation>
    </message>
    <message>
        <source>%1 is recreated at startup</source>
        <translation>%1 wird beim Start neu angelegt</translation>
    </message>
    <message>
        <source>%1 is no longer recreated at startup</source>
        <translation>%1 wird nicht mehr beim Start neu angelegt</translation>
    </message>
    <message>
        <source>Assembling saved mappings…</source>
        <translation>Gespeicherte Zuordnungen werden zusammengesetzt…</translation>
    </message>
    <message>
        <source>Could not assemble %1</source>
        <translation>%1 konnte nicht zusammengesetzt werden</translation>
    </message>
    <message>
        <source>Not Assembled</source>
        <translation>Nicht zusammengesetzt</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is no longer saved.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; ist nicht mehr gespeichert.</translation>
    </message>
    <message>
        <source>Mapping Assembled</source>
        <translation>Zuordnung zusammengesetzt</translation>
    </message>
    <message>
        <source>&lt;b&gt;/dev/mapper/%1&lt;/b&gt; is ready.</source>
        <translation>&lt;b&gt;/dev/mapper/%1&lt;/b&gt; ist bereit.</translation>
    </message>
    <message>
        <source>Assembled %1</source>
        <translation>%1 zusammengesetzt</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; was not assembled: %2.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; wurde nicht zusammengesetzt: %2.</translation>
    </message>
    <message>
        <source>%1 was not assembled</source>
        <translation>%1 wurde nicht zusammengesetzt</translation>
    </message>
</context>
<context>
    <name>Volmap::MappingInspector</name>
    <message>
        <source>Mapping %1</source>
        <translation>Zuordnung %1</translation>
    </message>
    <message>
        <source>%1 made this mapping. Volume Mapper shows it read-only: changing its table here would go behind that tool&apos;s back.</source>
        <translation>%1 hat diese Zuordnung angelegt. Volume Mapper zeigt sie nur an: Ihre Tabelle hier zu ändern, ginge an diesem Werkzeug vorbei.</translation>
    </message>
    <message>
        <source>The table editor cannot represent this mapping&apos;s targets (%1), so it is shown read-only.</source>
        <translation>Der Tabelleneditor kann die Targets dieser Zuordnung (%1) nicht darstellen, daher wird sie nur angezeigt.</translation>
    </message>
    <message>
        <source>Table text</source>
        <translation>Tabellentext</translation>
    </message>
    <message>
        <source>&amp;Copy Table</source>
        <translation>Tabelle &amp;kopieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Segments&lt;/b&gt;</source>
        <translation>&lt;b&gt;Segmente&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Table&lt;/b&gt; (keys are never shown)</source>
        <translation>&lt;b&gt;Tabelle&lt;/b&gt; (Schlüssel werden nie angezeigt)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Made by:</source>
        <translation>Angelegt von:</translation>
    </message>
    <message>
        <source>UUID:</source>
        <translation>UUID:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Device number:</source>
        <translation>Gerätenummer:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Targets:</source>
        <translation>Targets:</translation>
    </message>
    <message>
        <source>Open count:</source>
        <translation>Öffnungszähler:</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <source>read-write</source>
        <translation>lesen und schreiben</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>removed when unused</source>
        <translation>wird entfernt, wenn unbenutzt</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmente</translation>
    </message>
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
        <translation>Target</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
</context>
<context>
    <name>Volmap::MappingListModel</name>
    <message>
        <source>suspended</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>no table</source>
        <translation>keine Tabelle</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <source>removal pending</source>
        <translation>Entfernen steht aus</translation>
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
    <message>
        <source>waiting for %1</source>
        <translation>wartet auf %1</translation>
    </message>
    <message>
        <source>waiting to be assembled; its devices are all there</source>
        <translation>wartet auf das Zusammensetzen; ihre Geräte sind alle da</translation>
    </message>
    <message>
        <source>waiting: %1</source>
        <translation>wartet: %1</translation>
    </message>
    <message>
        <source>recreated at startup</source>
        <translation>beim Start neu angelegt</translation>
    </message>
    <message>
        <source>another definition is saved under this name: %1</source>
        <translation>unter diesem Namen ist eine andere Definition gespeichert: %1</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
    <message>
        <source>Recreated at startup</source>
        <translation>Beim Start neu angelegt</translation>
    </message>
    <message>
        <source>Not recreated at startup as it runs now: %1</source>
        <translation>Wird nicht so beim Start neu angelegt, wie sie jetzt läuft: %1</translation>
    </message>
    <message>
        <source>Saved to be recreated at startup, but not live: %1</source>
        <translation>Gespeichert, um beim Start neu angelegt zu werden, aber nicht aktiv: %1</translation>
    </message>
</context>
<context>
    <name>Volmap::MappingListPanel</name>
    <message>
        <source>&amp;Open in Editor</source>
        <translation>Im Editor ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Device-mapper mappings</source>
        <translation>Device-Mapper-Zuordnungen</translation>
    </message>
    <message>
        <source>Load this mapping&apos;s table into the editor to change it live</source>
        <translation>Die Tabelle dieser Zuordnung in den Editor laden, um sie im Betrieb zu ändern</translation>
    </message>
    <message>
        <source>Remove this mapping; the data on its devices stays</source>
        <translation>Diese Zuordnung entfernen; die Daten auf ihren Geräten bleiben</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1.&lt;/b&gt; %2&lt;br&gt;%3</source>
        <translation>&lt;b&gt;%1.&lt;/b&gt; %2&lt;br&gt;%3</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>No device-mapper mappings. Build a table in the editor and create one.</source>
        <translation>Keine Device-Mapper-Zuordnungen. Bauen Sie im Editor eine Tabelle und legen Sie eine an.</translation>
    </message>
    <message>
        <source>&amp;Inspect…</source>
        <translation>&amp;Ansehen…</translation>
    </message>
    <message>
        <source>Show this mapping read-only: another tool owns it, or the editor cannot represent its targets</source>
        <translation>Diese Zuordnung nur anzeigen: Ein anderes Werkzeug besitzt sie, oder der Editor kann ihre Targets nicht darstellen</translation>
    </message>
    <message>
        <source>&amp;Assemble Now</source>
        <translation>&amp;Jetzt zusammensetzen</translation>
    </message>
    <message>
        <source>Create every saved mapping whose devices are all there and free, and say what became of this one</source>
        <translation>Jede gespeicherte Zuordnung anlegen, deren Geräte alle da und frei sind, und sagen, was aus dieser wurde</translation>
    </message>
    <message>
        <source>&amp;Forget…</source>
        <translation>&amp;Vergessen…</translation>
    </message>
    <message>
        <source>Recreate at &amp;Startup</source>
        <translation>Beim &amp;Start neu anlegen</translation>
    </message>
    <message>
        <source>Save this mapping&apos;s definition, so it is created again after every restart</source>
        <translation>Die Definition dieser Zuordnung speichern, damit sie nach jedem Neustart wieder angelegt wird</translation>
    </message>
</context>
<context>
    <name>Volmap::MappingOwner</name>
    <message>
        <source>none (no uuid)</source>
        <translation>keins (keine UUID)</translation>
    </message>
    <message>
        <source>Volume Mapper</source>
        <translation>Volume Mapper</translation>
    </message>
    <message>
        <source>LVM</source>
        <translation>LVM</translation>
    </message>
    <message>
        <source>dm-crypt (cryptsetup)</source>
        <translation>dm-crypt (cryptsetup)</translation>
    </message>
    <message>
        <source>multipath</source>
        <translation>Multipath</translation>
    </message>
    <message>
        <source>partition mapping (kpartx)</source>
        <translation>Partitionszuordnung (kpartx)</translation>
    </message>
    <message>
        <source>another tool</source>
        <translation>ein anderes Werkzeug</translation>
    </message>
</context>
<context>
    <name>Volmap::RangeSignature</name>
    <message>
        <source>libblkid could not read it</source>
        <translation>libblkid konnte ihn nicht lesen</translation>
    </message>
    <message>
        <source>not known (cannot be read)</source>
        <translation>unbekannt (nicht lesbar)</translation>
    </message>
    <message>
        <source>not known (%1)</source>
        <translation>unbekannt (%1)</translation>
    </message>
    <message>
        <source>no known signature</source>
        <translation>keine bekannte Signatur</translation>
    </message>
    <message>
        <source>partition table (%1)</source>
        <translation>Partitionstabelle (%1)</translation>
    </message>
    <message>
        <source>swap space (%1)</source>
        <translation>Auslagerungsbereich (%1)</translation>
    </message>
    <message>
        <source>LVM physical volume (%1)</source>
        <translation>LVM Physical Volume (%1)</translation>
    </message>
    <message>
        <source>encrypted volume (%1)</source>
        <translation>verschlüsselter Datenträger (%1)</translation>
    </message>
    <message>
        <source>RAID member (%1)</source>
        <translation>RAID-Mitglied (%1)</translation>
    </message>
    <message>
        <source>bcache device (%1)</source>
        <translation>bcache-Gerät (%1)</translation>
    </message>
    <message>
        <source>%1 signature</source>
        <translation>%1-Signatur</translation>
    </message>
    <message>
        <source>%1 filesystem</source>
        <translation>%1-Dateisystem</translation>
    </message>
    <message>
        <source> labelled “%1”</source>
        <translation> mit Bezeichnung „%1“</translation>
    </message>
    <message>
        <source> (UUID %1)</source>
        <translation> (UUID %1)</translation>
    </message>
    <message>
        <source>%1 is not the node of device %2</source>
        <translation>%1 ist nicht der Geräteknoten von Gerät %2</translation>
    </message>
    <message>
        <source>cannot be read, and udev has no record</source>
        <translation>nicht lesbar, und udev hat keinen Eintrag</translation>
    </message>
    <message>
        <source>still being read</source>
        <translation>wird noch gelesen</translation>
    </message>
</context>
<context>
    <name>Volmap::RateChart</name>
    <message>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>seconds ago</source>
        <translation>Sekunden zuvor</translation>
    </message>
    <message>
        <source>Read %1</source>
        <translation>Lesen %1</translation>
    </message>
    <message>
        <source>Write %1</source>
        <translation>Schreiben %1</translation>
    </message>
    <message>
        <source>%1 now: read %2, write %3</source>
        <translation>%1 jetzt: Lesen %2, Schreiben %3</translation>
    </message>
</context>
<context>
    <name>Volmap::SealedTable</name>
    <message>
        <source>Cannot hand the table to the helper: %1</source>
        <translation>Die Tabelle kann dem Helfer nicht übergeben werden: %1</translation>
    </message>
</context>
<context>
    <name>Volmap::SegmentCountersModel</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Sectors %1 to %2 (%3 sectors of 512 bytes)</source>
        <translation>Sektoren %1 bis %2 (%3 Sektoren zu 512 Byte)</translation>
    </message>
    <message>
        <source>Known after the second reading of the counters</source>
        <translation>Bekannt nach dem zweiten Lesen der Zähler</translation>
    </message>
    <message>
        <source>Read %1 (%2 I/Os per second), wrote %3 (%4 I/Os per second)</source>
        <translation>%1 gelesen (%2 E/A pro Sekunde), %3 geschrieben (%4 E/A pro Sekunde)</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>Lesevorgänge</translation>
    </message>
    <message>
        <source>Writes</source>
        <translation>Schreibvorgänge</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Geschrieben</translation>
    </message>
    <message>
        <source>Flushes</source>
        <translation>Flushes</translation>
    </message>
    <message>
        <source>Discards</source>
        <translation>Discards</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Share of load</source>
        <translation>Anteil an der Last</translation>
    </message>
    <message>
        <source>Where the segment lies in the mapping</source>
        <translation>Wo das Segment in der Zuordnung liegt</translation>
    </message>
    <message>
        <source>The backing device the segment maps to</source>
        <translation>Das darunterliegende Gerät, auf das das Segment abbildet</translation>
    </message>
    <message>
        <source>Since the segment was loaded or its counters were reset</source>
        <translation>Seit das Segment geladen oder seine Zähler zurückgesetzt wurden</translation>
    </message>
    <message>
        <source>Bytes read and written per second, over the last reading</source>
        <translation>Gelesene und geschriebene Bytes pro Sekunde, seit dem letzten Lesen</translation>
    </message>
    <message>
        <source>This segment&apos;s part of the mapping&apos;s current throughput</source>
        <translation>Der Anteil dieses Segments am aktuellen Durchsatz der Zuordnung</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Requests that failed on the backing device, since the segment was loaded or its counters were reset (dm-basic-target 1.1 and later; — for older modules)</source>
        <translation>Anfragen, die auf dem darunterliegenden Gerät fehlschlugen, seit das Segment geladen oder seine Zähler zurückgesetzt wurden (dm-basic-target ab 1.1; — bei älteren Modulen)</translation>
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
        <translation>Eine Größe wie 512 MiB, 2G oder 4096s; bloße Zahlen sind in %1</translation>
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
        <translation>Länge ändern</translation>
    </message>
    <message>
        <source>Change offset</source>
        <translation>Versatz ändern</translation>
    </message>
    <message>
        <source>Change target</source>
        <translation>Ziel ändern</translation>
    </message>
    <message>
        <source>Change device</source>
        <translation>Gerät ändern</translation>
    </message>
    <message>
        <source>Add segment</source>
        <translation>Segment hinzufügen</translation>
    </message>
    <message>
        <source>Remove segment</source>
        <translation>Segment entfernen</translation>
    </message>
    <message>
        <source>Move segment</source>
        <translation>Segment verschieben</translation>
    </message>
    <message>
        <source>Move segments</source>
        <translation>Segmente verschieben</translation>
    </message>
    <message>
        <source>Nothing to add.</source>
        <translation>Nichts hinzuzufügen.</translation>
    </message>
    <message>
        <source>%1 has no free range of %2 left in this table.</source>
        <translation>%1 hat in dieser Tabelle keinen freien Bereich von %2 mehr.</translation>
    </message>
    <message>
        <source>All of %1 is already used by this table.</source>
        <translation>%1 wird schon ganz von dieser Tabelle benutzt.</translation>
    </message>
    <message numerus="yes">
        <source>Add %n segment(s)</source>
        <translation>
            <numerusform>%n Segment hinzufügen</numerusform>
            <numerusform>%n Segmente hinzufügen</numerusform>
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
    <message>
        <source>Data There</source>
        <translation>Vorhandene Daten</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Wird geprüft …</translation>
    </message>
</context>
<context>
    <name>Volmap::SpaceMap</name>
    <message>
        <source>mounted at %1</source>
        <translation>eingehängt unter %1</translation>
    </message>
    <message>
        <source>active swap</source>
        <translation>aktiver Auslagerungsbereich</translation>
    </message>
    <message>
        <source>used by %1 (whole device)</source>
        <translation>genutzt von %1 (ganzes Gerät)</translation>
    </message>
    <message>
        <source>used by %1</source>
        <translation>genutzt von %1</translation>
    </message>
</context>
<context>
    <name>Volmap::SpaceMapBar</name>
    <message>
        <source>Space map of the device</source>
        <translation>Belegungsplan des Geräts</translation>
    </message>
    <message>
        <source>Free
%1</source>
        <translation>Frei
%1</translation>
    </message>
    <message>
        <source>This table</source>
        <translation>Diese Tabelle</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Partition %1</source>
        <translation>Partition %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Used by mapping %1 (whole device)</source>
        <translation>Genutzt von Zuordnung %1 (ganzes Gerät)</translation>
    </message>
    <message>
        <source>Mapping %1, %2 target</source>
        <translation>Zuordnung %1, Ziel %2</translation>
    </message>
    <message>
        <source>This table, segment %1 (%2)</source>
        <translation>Diese Tabelle, Segment %1 (%2)</translation>
    </message>
    <message>
        <source>, holds %1</source>
        <translation>, enthält %1</translation>
    </message>
    <message>
        <source>Sectors %1–%2 (%3)</source>
        <translation>Sektoren %1–%2 (%3)</translation>
    </message>
    <message>
        <source>Free space</source>
        <translation>Freier Platz</translation>
    </message>
    <message>
        <source>The table being edited overlaps another user of this range.</source>
        <translation>Die bearbeitete Tabelle überschneidet sich hier mit einem anderen Nutzer dieses Bereichs.</translation>
    </message>
    <message>
        <source>Select a device to see how its space is used</source>
        <translation>Wählen Sie ein Gerät, um zu sehen, wie sein Platz genutzt wird</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>Volmap::StackModel</name>
    <message>
        <source>partition</source>
        <translation>Partition</translation>
    </message>
    <message>
        <source>md RAID</source>
        <translation>md-RAID</translation>
    </message>
    <message>
        <source>loop device</source>
        <translation>Loop-Gerät</translation>
    </message>
    <message>
        <source>disk</source>
        <translation>Festplatte</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <source>uuid %1</source>
        <translation>UUID %1</translation>
    </message>
    <message>
        <source>holds %1</source>
        <translation>enthält %1</translation>
    </message>
    <message>
        <source>mounted at %1</source>
        <translation>eingehängt unter %1</translation>
    </message>
    <message>
        <source>targets: %1</source>
        <translation>Targets: %1</translation>
    </message>
    <message>
        <source>nothing is built on it</source>
        <translation>nichts ist darauf aufgebaut</translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation>belegt von %1</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>Angelegt von</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Belegt von</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
</context>
<context>
    <name>Volmap::StackView</name>
    <message>
        <source>&amp;Mappings to disks</source>
        <translation>&amp;Zuordnungen bis zu Festplatten</translation>
    </message>
    <message>
        <source>D&amp;isks to mappings</source>
        <translation>F&amp;estplatten bis zu Zuordnungen</translation>
    </message>
    <message>
        <source>Each mapping with the devices it is built on, down to the disks (lsblk -s)</source>
        <translation>Jede Zuordnung mit den Geräten, auf denen sie aufbaut, bis hinunter zu den Festplatten (lsblk -s)</translation>
    </message>
    <message>
        <source>Each disk with its partitions and everything built on them</source>
        <translation>Jede Festplatte mit ihren Partitionen und allem, was darauf aufbaut</translation>
    </message>
    <message>
        <source>Device stacks</source>
        <translation>Gerätestapel</translation>
    </message>
    <message>
        <source>Press Enter on a mapping to open it</source>
        <translation>Eingabetaste auf einer Zuordnung öffnet sie</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
</context>
<context>
    <name>Volmap::TableEditor</name>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>&amp;Read-only</source>
        <translation>&amp;Schreibgeschützt</translation>
    </message>
    <message>
        <source>sectors</source>
        <translation>Sektoren</translation>
    </message>
    <message>
        <source>Unit for lengths and offsets</source>
        <translation>Einheit für Längen und Versätze</translation>
    </message>
    <message>
        <source>all free space</source>
        <translation>ganzer freier Platz</translation>
    </message>
    <message>
        <source>Length of dropped devices</source>
        <translation>Länge abgelegter Geräte</translation>
    </message>
    <message>
        <source>How much of a dropped device a new segment takes, e.g. 512 MiB. Empty: the largest free range.</source>
        <translation>Wie viel eines abgelegten Geräts ein neues Segment nimmt, z. B. 512 MiB. Leer: der größte freie Bereich.</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Nicht geändert: %1</translation>
    </message>
    <message>
        <source>Segments of the new device</source>
        <translation>Segmente des neuen Geräts</translation>
    </message>
    <message>
        <source>e.g. fastdata</source>
        <translation>z. B. fastdata</translation>
    </message>
    <message>
        <source>Name of the new mapping</source>
        <translation>Name der neuen Zuordnung</translation>
    </message>
    <message>
        <source>The new device refuses writes</source>
        <translation>Das neue Gerät lehnt Schreibvorgänge ab</translation>
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
        <translation>Ein Segment hinzufügen, das Nullen liest und Schreibvorgänge verwirft</translation>
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
        <translation>Die Tabelle durch dmsetup-Tabellentext aus der Zwischenablage ersetzen</translation>
    </message>
    <message>
        <source>Paste table</source>
        <translation>Tabelle einfügen</translation>
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
        <translation>Segment nach oben</translation>
    </message>
    <message>
        <source>Move Segment Down</source>
        <translation>Segment nach unten</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>Editing the live table of &lt;b&gt;%1&lt;/b&gt;. &lt;i&gt;Apply&lt;/i&gt; replaces it without unmounting; nothing changes until then.</source>
        <translation>Sie bearbeiten die laufende Tabelle von &lt;b&gt;%1&lt;/b&gt;. &lt;i&gt;Anwenden&lt;/i&gt; ersetzt sie ohne Aushängen; bis dahin ändert sich nichts.</translation>
    </message>
    <message>
        <source>Not a table</source>
        <translation>Keine Tabelle</translation>
    </message>
    <message>
        <source>The text is larger than any table Volume Mapper edits.</source>
        <translation>Der Text ist größer als jede Tabelle, die Volume Mapper bearbeitet.</translation>
    </message>
    <message>
        <source>Not a device-mapper table</source>
        <translation>Keine Device-Mapper-Tabelle</translation>
    </message>
    <message>
        <source>The text holds no table lines (&quot;start length target arguments…&quot;).</source>
        <translation>Der Text enthält keine Tabellenzeilen („Anfang Länge Ziel Argumente…“).</translation>
    </message>
    <message>
        <source>The table text could not be read:
%1</source>
        <translation>Der Tabellentext konnte nicht gelesen werden:
%1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n segment(s)</source>
        <translation>
            <numerusform>%1: %n Segment</numerusform>
            <numerusform>%1: %n Segmente</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Apply to %1…</source>
        <translation>Auf %1 &amp;anwenden…</translation>
    </message>
    <message>
        <source>Drag a device from the device list onto the table, or import a table.</source>
        <translation>Ziehen Sie ein Gerät aus der Geräteliste auf die Tabelle, oder importieren Sie eine Tabelle.</translation>
    </message>
    <message>
        <source>The table is valid (%1). Name the new mapping to create it.</source>
        <translation>Die Tabelle ist gültig (%1). Geben Sie der neuen Zuordnung einen Namen, um sie anzulegen.</translation>
    </message>
    <message numerus="yes">
        <source>✓ Valid: %n segment(s), %1.</source>
        <translation>
            <numerusform>✓ Gültig: %n Segment, %1.</numerusform>
            <numerusform>✓ Gültig: %n Segmente, %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Create the mapping (asks for confirmation first)</source>
        <translation>Die Zuordnung anlegen (fragt vorher nach)</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n segment(s)</source>
        <translation>
            <numerusform>%n Segment entfernen</numerusform>
            <numerusform>%n Segmente entfernen</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Table</source>
        <translation>Tabelle importieren</translation>
    </message>
    <message>
        <source>Device-mapper tables (*.table *.txt *.dm);;All files (*)</source>
        <translation>Device-Mapper-Tabellen (*.table *.txt *.dm);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot open the table</source>
        <translation>Die Tabelle lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is larger than any table Volume Mapper edits.</source>
        <translation>%1 ist größer als jede Tabelle, die Volume Mapper bearbeitet.</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>Device-mapper tables (*.table);;All files (*)</source>
        <translation>Device-Mapper-Tabellen (*.table);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot save the table</source>
        <translation>Die Tabelle lässt sich nicht speichern</translation>
    </message>
    <message>
        <source>Table saved to %1</source>
        <translation>Tabelle gespeichert in %1</translation>
    </message>
    <message>
        <source>Equivalent dmsetup Command</source>
        <translation>Entsprechender dmsetup-Befehl</translation>
    </message>
    <message>
        <source>dmsetup command</source>
        <translation>dmsetup-Befehl</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Run as root to create the same mapping without Volume Mapper:</source>
        <translation>Als root ausführen, um dieselbe Zuordnung ohne Volume Mapper anzulegen:</translation>
    </message>
    <message>
        <source>Ne&amp;w Mapping Instead</source>
        <translation>Stattdessen &amp;neue Zuordnung</translation>
    </message>
    <message>
        <source>Restore draft</source>
        <translation>Entwurf wiederherstellen</translation>
    </message>
    <message>
        <source>Checking what else uses these devices…</source>
        <translation>Prüfe, was diese Geräte sonst noch nutzt…</translation>
    </message>
    <message>
        <source>⚠ Conflict:</source>
        <translation>⚠ Konflikt:</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n problem(s):</source>
        <translation>
            <numerusform>⚠ %n Problem:</numerusform>
            <numerusform>⚠ %n Probleme:</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ Name:</source>
        <translation>⚠ Name:</translation>
    </message>
</context>
<context>
    <name>Volmap::TableSummary</name>
    <message>
        <source>%1: %2 from %3 (sectors %4–%5), %6</source>
        <translation>%1: %2 ab %3 (Sektoren %4–%5), %6</translation>
    </message>
</context>
</TS>
