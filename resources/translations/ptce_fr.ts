<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>none (no file open)</source>
        <translation>aucune (pas de fichier ouvert)</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>inconnue (%1)</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>aucune pour l&apos;instant</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Dossier de données</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Fichier ouvert</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Newest verified backup</source>
        <translation>Dernière sauvegarde vérifiée</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>About PTCE Desktop</source>
        <translation>À propos de PTCE Desktop</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PTCE Desktop %1&lt;/h3&gt;&lt;p&gt;Members, shared services, cost sharing to the cent, funding and reports of a pôle territorial de coopération économique.&lt;/p&gt;&lt;p&gt;Free software under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PTCE Desktop %1&lt;/h3&gt;&lt;p&gt;Membres, services mutualisés, répartition des charges au centime, financements et rapports d&apos;un pôle territorial de coopération économique.&lt;/p&gt;&lt;p&gt;Logiciel libre sous licence GNU GPL, version 3 ou ultérieure.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Details for a bug report</source>
        <translation>Détails pour un signalement de bogue</translation>
    </message>
    <message>
        <source>&amp;Copy for a bug report</source>
        <translation>&amp;Copier pour un signalement</translation>
    </message>
</context>
<context>
    <name>AccountingBox</name>
    <message>
        <source>Members (calls for funds)</source>
        <translation>Membres (appels de fonds)</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Banque</translation>
    </message>
    <message>
        <source>Calls for funds (re-invoicing)</source>
        <translation>Appels de fonds (refacturation)</translation>
    </message>
    <message>
        <source>True-ups</source>
        <translation>Régularisations</translation>
    </message>
    <message>
        <source>Surcharges (billing coefficient)</source>
        <translation>Majorations (coefficient de facturation)</translation>
    </message>
    <message>
        <source>Management fees</source>
        <translation>Frais de gestion</translation>
    </message>
    <message>
        <source>VAT collected</source>
        <translation>TVA collectée</translation>
    </message>
    <message>
        <source>Grants received</source>
        <translation>Subventions reçues</translation>
    </message>
    <message>
        <source>Grants passed on to members</source>
        <translation>Subventions reversées aux membres</translation>
    </message>
    <message>
        <source>Journal of the calls (code)</source>
        <translation>Journal des appels (code)</translation>
    </message>
    <message>
        <source>Journal of the calls (name)</source>
        <translation>Journal des appels (libellé)</translation>
    </message>
    <message>
        <source>Bank journal (code)</source>
        <translation>Journal de banque (code)</translation>
    </message>
    <message>
        <source>Bank journal (name)</source>
        <translation>Journal de banque (libellé)</translation>
    </message>
    <message>
        <source>Accounting export (FEC)</source>
        <translation>Export comptable (FEC)</translation>
    </message>
    <message>
        <source>Accounts and journals of the file of accounting entries (FEC) given to the accountant: ptce-desktop export fec.</source>
        <translation>Comptes et journaux du fichier des écritures comptables (FEC) remis au comptable : ptce-desktop export fec.</translation>
    </message>
    <message>
        <source>&amp;Defaults</source>
        <translation>Valeurs par &amp;défaut</translation>
    </message>
    <message>
        <source>&amp;Save the accounts</source>
        <translation>&amp;Enregistrer les comptes</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Lead member</source>
        <translation>Membre porteur</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Réunions</translation>
    </message>
    <message>
        <source>Meetings in the fiscal year</source>
        <translation>Réunions de l&apos;exercice</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <source>Governance body</source>
        <translation>Instance</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <extracomment>How many letters of each key column stay readable when the window is narrow (see :func:`~.list.readable_widths`): a project&apos;s, meeting&apos;s or event&apos;s name or title, its status, lead member, governance body, place or project; the long free texts (partners, attendees) take what is left, eliding (whole in their tooltip).</extracomment>
        <translation>
            <numerusform>%n projet</numerusform>
            <numerusform>%n projets</numerusform>
        </translation>
    </message>
    <message>
        <source>Search a project (name, member…)</source>
        <translation>Rechercher un projet (nom, membre…)</translation>
    </message>
    <message>
        <source>Projects of &amp;every year</source>
        <translation>Projets de &amp;tous les exercices</translation>
    </message>
    <message numerus="yes">
        <source>%n governance body(ies)</source>
        <translation>
            <numerusform>%n instance</numerusform>
            <numerusform>%n instances</numerusform>
        </translation>
    </message>
    <message>
        <source>Search a governance body</source>
        <translation>Rechercher une instance</translation>
    </message>
    <message>
        <source>Add a &amp;body…</source>
        <translation>Ajouter une &amp;instance…</translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n réunion</numerusform>
            <numerusform>%n réunions</numerusform>
        </translation>
    </message>
    <message>
        <source>Search a meeting (title, place, attendees…)</source>
        <translation>Rechercher une réunion (intitulé, lieu, participants…)</translation>
    </message>
    <message>
        <source>Add a &amp;meeting…</source>
        <translation>Ajouter une &amp;réunion…</translation>
    </message>
    <message>
        <source>Meetings of which governance body</source>
        <translation>Réunions de quelle instance</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n événement</numerusform>
            <numerusform>%n événements</numerusform>
        </translation>
    </message>
    <message>
        <source>Search an event (title, place, project…)</source>
        <translation>Rechercher un événement (intitulé, lieu, projet…)</translation>
    </message>
    <message>
        <source>Cooperation &amp;projects</source>
        <translation>&amp;Projets de coopération</translation>
    </message>
    <message>
        <source>&amp;Governance and meetings</source>
        <translation>&amp;Instances et réunions</translation>
    </message>
    <message>
        <source>E&amp;vents</source>
        <translation>É&amp;vénements</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>&amp;Emplois</translation>
    </message>
    <message>
        <source>Activity report &amp;texts</source>
        <translation>&amp;Textes du rapport d&apos;activité</translation>
    </message>
    <message>
        <source>All governance bodies</source>
        <translation>Toutes les instances</translation>
    </message>
    <message>
        <source>Delete project “%1”</source>
        <translation>Supprimer le projet « %1 »</translation>
    </message>
    <message>
        <source>Delete the project “%1”? You can undo it with Ctrl+Z.</source>
        <translation>Supprimer le projet « %1 » ? Vous pourrez l&apos;annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete a project</source>
        <translation>Supprimer un projet</translation>
    </message>
    <message>
        <source>Delete governance body “%1”</source>
        <translation>Supprimer l&apos;instance « %1 »</translation>
    </message>
    <message>
        <source>Delete the governance body “%1”? Its meetings are kept, without a body. You can undo it with Ctrl+Z.</source>
        <translation>Supprimer l&apos;instance « %1 » ? Ses réunions sont conservées, sans instance. Vous pourrez l&apos;annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete a governance body</source>
        <translation>Supprimer une instance</translation>
    </message>
    <message>
        <source>Delete meeting “%1”</source>
        <translation>Supprimer la réunion « %1 »</translation>
    </message>
    <message>
        <source>Delete the meeting “%1”? You can undo it with Ctrl+Z.</source>
        <translation>Supprimer la réunion « %1 » ? Vous pourrez l&apos;annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete a meeting</source>
        <translation>Supprimer une réunion</translation>
    </message>
    <message>
        <source>Delete event “%1”</source>
        <translation>Supprimer l&apos;événement « %1 »</translation>
    </message>
    <message>
        <source>Delete the event “%1”? You can undo it with Ctrl+Z.</source>
        <translation>Supprimer l&apos;événement « %1 » ? Vous pourrez l&apos;annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete an event</source>
        <translation>Supprimer un événement</translation>
    </message>
</context>
<context>
    <name>AdoptDialog</name>
    <message>
        <source>Adopt this scenario</source>
        <translation>Adopter ce scénario</translation>
    </message>
    <message>
        <source>“%1” becomes the pole&apos;s figures from the date below: new key versions (or a new key from %2 when the method changes), members created or leaving, budgets and fees — through the same steps as a manual edit, recorded in the history and undoable (Edit ▸ Undo). Closed years and their shares are never changed.</source>
        <translation>« %1 » devient les chiffres du pôle à partir de la date ci-dessous : nouvelles versions de clé (ou une nouvelle clé dès le %2 si la méthode change), membres créés ou sortis, budgets et frais — par les mêmes étapes qu&apos;une saisie à la main, inscrites dans l&apos;historique et annulables (Édition ▸ Annuler). Les exercices clôturés et leurs quotes-parts ne changent jamais.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>À partir du</translation>
    </message>
    <message>
        <source>Choose a day between %1 and %2.</source>
        <translation>Choisissez un jour entre le %1 et le %2.</translation>
    </message>
</context>
<context>
    <name>ArchiveActions</name>
    <message>
        <source>Export the archive</source>
        <translation>Exporter l&apos;archive</translation>
    </message>
    <message>
        <source>Import an archive</source>
        <translation>Importer une archive</translation>
    </message>
    <message>
        <source>New pole file for the archive</source>
        <translation>Nouveau fichier du pôle pour l&apos;archive</translation>
    </message>
    <message>
        <source>Archive written: “%1” (%2 tables, %3 attachments).</source>
        <translation>Archive écrite : « %1 » (%2 tables, %3 pièces jointes).</translation>
    </message>
    <message>
        <source>Pole recreated from “%1” in “%2”.</source>
        <translation>Pôle recréé depuis « %1 » dans « %2 ».</translation>
    </message>
</context>
<context>
    <name>ArchiveDialog</name>
    <message>
        <source>Archive “%1”</source>
        <translation>Archiver « %1 »</translation>
    </message>
    <message>
        <source>An archived member keeps its whole history (shares, calls, payments) and still appears in the documents of the years it was a member.</source>
        <translation>Un membre archivé garde tout son historique (quotes-parts, appels de fonds, règlements) et figure toujours dans les documents des années où il était membre.</translation>
    </message>
    <message>
        <source>&amp;Leaving date</source>
        <translation>Date de &amp;sortie</translation>
    </message>
    <message>
        <source>Leaving date</source>
        <translation>Date de sortie</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Automatic backup made: %1</source>
        <translation>Sauvegarde automatique faite : %1</translation>
    </message>
    <message>
        <source>The automatic backup failed: %1</source>
        <translation>La sauvegarde automatique a échoué : %1</translation>
    </message>
    <message>
        <source>A copy of what was open is saved: %1</source>
        <translation>Une copie de ce qui était ouvert est enregistrée : %1</translation>
    </message>
    <message>
        <source>A backup is being written; try again in a moment.</source>
        <translation>Une sauvegarde est en cours d&apos;écriture ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Restauration de la sauvegarde…</translation>
    </message>
    <message>
        <source>The backup of %1 at %2 is restored.</source>
        <translation>La sauvegarde du %1 à %2 est restaurée.</translation>
    </message>
    <message>
        <source>The previous file was kept: %1</source>
        <translation>Le fichier précédent est conservé : %1</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>Vérification de la base…</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>automatic</source>
        <translation>automatique</translation>
    </message>
    <message>
        <source>before migration</source>
        <translation>avant migration</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuelle</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>copie</translation>
    </message>
    <message>
        <source>before restore</source>
        <translation>avant restauration</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>vérifiée</translation>
    </message>
    <message>
        <source>not restorable</source>
        <translation>non restaurable</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>endommagée</translation>
    </message>
    <message>
        <source>Backups and restore</source>
        <translation>Sauvegardes et restauration</translation>
    </message>
    <message>
        <source>Backups of %1 are kept in %2. An automatic backup is made when the file is opened (at most one a day; the last 10 are kept). Every backup is checked before it is listed as verified.</source>
        <translation>Les sauvegardes de %1 sont rangées dans %2. Une sauvegarde automatique est faite à l&apos;ouverture du fichier (une par jour au plus ; les 10 dernières sont gardées). Chaque sauvegarde est contrôlée avant d&apos;être indiquée comme vérifiée.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurer…</translation>
    </message>
    <message>
        <source>Open the &amp;folder</source>
        <translation>Ouvrir le &amp;dossier</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>Checking the backups…</source>
        <translation>Vérification des sauvegardes…</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>No backup yet. “Back up now” makes one.</source>
        <translation>Aucune sauvegarde pour l&apos;instant. « Sauvegarder maintenant » en fait une.</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) cannot be restored (point at one for the reason).</source>
        <translation>
            <numerusform>%n sauvegarde non restaurable (survolez la ligne pour savoir pourquoi).</numerusform>
            <numerusform>%n sauvegardes non restaurables (survolez la ligne pour savoir pourquoi).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s), all verified.</source>
        <translation>
            <numerusform>%n sauvegarde, vérifiée.</numerusform>
            <numerusform>%n sauvegardes, toutes vérifiées.</numerusform>
        </translation>
    </message>
    <message>
        <source>The backups could not be listed.</source>
        <translation>Les sauvegardes n&apos;ont pas pu être listées.</translation>
    </message>
    <message>
        <source>Open the file for writing to restore a backup.</source>
        <translation>Ouvrez le fichier en écriture pour restaurer une sauvegarde.</translation>
    </message>
    <message>
        <source>Writing a verified backup…</source>
        <translation>Écriture d&apos;une sauvegarde vérifiée…</translation>
    </message>
</context>
<context>
    <name>BalancesTab</name>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Appelé</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Réglé</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Reste dû</translation>
    </message>
    <message>
        <source>Unmatched credit</source>
        <translation>Avoir non affecté</translation>
    </message>
    <message>
        <source>Payments of the year that no call absorbs</source>
        <translation>Règlements de l&apos;exercice qu&apos;aucun appel n&apos;absorbe</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Positive: the member owes; negative: the pole owes the member</source>
        <translation>Positif : le membre doit ; négatif : le pôle doit au membre</translation>
    </message>
    <message>
        <source>Search a member</source>
        <translation>Rechercher un membre</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n membre</numerusform>
            <numerusform>%n membres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BodyDialog</name>
    <message>
        <source>New governance body</source>
        <translation>Nouvelle instance</translation>
    </message>
    <message>
        <source>Governance body “%1”</source>
        <translation>Instance « %1 »</translation>
    </message>
    <message>
        <source>e.g. Board of directors</source>
        <translation>p. ex. Conseil d&apos;administration</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>Add governance body “%1”</source>
        <translation>Ajouter l&apos;instance « %1 »</translation>
    </message>
    <message>
        <source>Edit governance body “%1”</source>
        <translation>Modifier l&apos;instance « %1 »</translation>
    </message>
</context>
<context>
    <name>BudgetDialog</name>
    <message>
        <source>Budget %1 of “%2”</source>
        <translation>Budget %1 de « %2 »</translation>
    </message>
    <message>
        <source>Budget %1</source>
        <translation>Budget %1</translation>
    </message>
    <message>
        <source>The provisional quarterly calls split this budget between the members.</source>
        <translation>Les appels de fonds provisionnels trimestriels répartissent ce budget entre les membres.</translation>
    </message>
</context>
<context>
    <name>CallDetailPanel</name>
    <message>
        <source>Service</source>
        <extracomment>(call id, after, limit) → one page of the call&apos;s lines. What the panel shows: a call with its lines, or the list&apos;s summary (lines paged in).</extracomment>
        <translation>Service</translation>
    </message>
    <message>
        <source>Excl. VAT</source>
        <translation>HT</translation>
    </message>
    <message>
        <source>VAT rate</source>
        <translation>Taux TVA</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>Incl. VAT</source>
        <translation>TTC</translation>
    </message>
    <message>
        <source>Total: %1 excl. VAT · VAT %2 · &lt;b&gt;%3 incl. VAT&lt;/b&gt;</source>
        <translation>Total : %1 HT · TVA %2 · &lt;b&gt;%3 TTC&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Lines of the call</source>
        <translation>Lignes de l&apos;appel</translation>
    </message>
    <message>
        <source>&amp;Why this amount?</source>
        <translation>&amp;Pourquoi ce montant ?</translation>
    </message>
    <message>
        <source>Explain how the selected line was computed</source>
        <translation>Expliquer le calcul de la ligne sélectionnée</translation>
    </message>
    <message>
        <source>Why this amount?</source>
        <translation>Pourquoi ce montant ?</translation>
    </message>
    <message>
        <source>Select a line, then « Why this amount? », to see how it was computed.</source>
        <translation>Sélectionnez une ligne, puis « Pourquoi ce montant ? », pour voir son calcul.</translation>
    </message>
</context>
<context>
    <name>CallLineExplanation</name>
    <message numerus="yes">
        <source>%n share(s)</source>
        <translation>
            <numerusform>%n part</numerusform>
            <numerusform>%n parts</numerusform>
        </translation>
    </message>
    <message>
        <source>Key “%1” (%2), version in force on %3 (valid from %4).</source>
        <translation>Clé « %1 » (%2), version en vigueur le %3 (applicable depuis le %4).</translation>
    </message>
    <message>
        <source>• %1 weighs %2: %3 out of %4.</source>
        <translation>• %1 pèse %2 : %3 sur %4.</translation>
    </message>
    <message>
        <source>Present %1 days of the %2 days of the quarter.</source>
        <translation>Présent %1 jours sur les %2 jours du trimestre.</translation>
    </message>
    <message>
        <source>Your share: %1 (exact %2).</source>
        <translation>Votre part : %1 (exact %2).</translation>
    </message>
    <message>
        <source>Your share: %3 out of %4 = %1 (exact %2).</source>
        <translation>Votre part : %3 sur %4 = %1 (exact %2).</translation>
    </message>
    <message>
        <source>Rounded down to %1, plus one leftover cent (largest remainders first).</source>
        <translation>Arrondi à l&apos;inférieur : %1, plus un centime restant (aux plus forts restes d&apos;abord).</translation>
    </message>
    <message>
        <source>Rounded down to %1.</source>
        <translation>Arrondi à l&apos;inférieur : %1.</translation>
    </message>
    <message>
        <source>No rounding: %1 exactly.</source>
        <translation>Aucun arrondi : %1 tout juste.</translation>
    </message>
    <message>
        <source>Surcharge: %1 × (coefficient %2 − 1)</source>
        <translation>Majoration&#xa0;: %1 × (coefficient %2 − 1)</translation>
    </message>
    <message>
        <source>Management fee: %1 × %2</source>
        <translation>Frais de gestion&#xa0;: %1 × %2</translation>
    </message>
    <message>
        <source> = %1, rounded half up once: %2.</source>
        <translation> = %1, arrondi une seule fois au centime le plus proche (0,5 vers le haut)&#xa0;: %2.</translation>
    </message>
    <message>
        <source>called</source>
        <translation>appelé</translation>
    </message>
    <message>
        <source>due</source>
        <translation>dû</translation>
    </message>
    <message>
        <source>difference</source>
        <translation>écart</translation>
    </message>
    <message>
        <source>The budget or the key changed after these quarters were called; each is computed again with today&apos;s budget and key:</source>
        <translation>Le budget ou la clé a changé après l&apos;appel de ces trimestres&#xa0;; chacun est recalculé avec le budget et la clé d&apos;aujourd&apos;hui&#xa0;:</translation>
    </message>
    <message>
        <source>Already caught up on an earlier call: %1.</source>
        <translation>Déjà régularisé sur un appel précédent&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Catch-up: &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Régularisation du budget révisé&#xa0;: &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Exceptional line « %1 » of %2 dated %3, called once.</source>
        <translation>Ligne exceptionnelle «&#xa0;%1&#xa0;» de %2 du %3, appelée une seule fois.</translation>
    </message>
    <message>
        <source>Split by the key in force on its date: your share %1.</source>
        <translation>Répartie selon la clé en vigueur à sa date&#xa0;: votre part %1.</translation>
    </message>
    <message>
        <source>Budget %1 of the service: %2 → %3: %4.</source>
        <translation>Budget %1 du service : %2 → %3 : %4.</translation>
    </message>
    <message>
        <source>The service has no budget for this year any more.</source>
        <translation>Le service n&apos;a plus de budget pour cet exercice.</translation>
    </message>
    <message>
        <source>The budget in four equal parts (an odd cent to the first quarters): %1.</source>
        <translation>Le budget en quatre parts égales (les centimes restants aux premiers trimestres) : %1.</translation>
    </message>
    <message>
        <source>The member takes no part in this quarter&apos;s split today.</source>
        <translation>Le membre ne participe plus aujourd&apos;hui à la répartition de ce trimestre.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Actual shares of the costs of %1:</source>
        <translation>Parts réelles des charges de %1 :</translation>
    </message>
    <message>
        <source>Provisional calls of the year:</source>
        <translation>Appels provisionnels de l&apos;exercice :</translation>
    </message>
    <message>
        <source>True-up: %1 actual − %2 called = %3.</source>
        <translation>Régularisation : %1 réel − %2 appelé = %3.</translation>
    </message>
    <message>
        <source>VAT %1 on %2 excl. VAT = %3, rounded half up: %4.</source>
        <translation>TVA %1 sur %2 HT = %3, arrondie au centime le plus proche (0,5 vers le haut) : %4.</translation>
    </message>
    <message>
        <source>Exempt from VAT (CGI art. 261 B): the amount is incl. VAT.</source>
        <translation>Exonéré de TVA (art. 261 B du CGI) : le montant est TTC.</translation>
    </message>
    <message>
        <source>The pole is not VAT-registered: the amount is incl. VAT, no VAT is added.</source>
        <translation>Le pôle n&apos;est pas assujetti à la TVA : le montant est TTC, sans TVA ajoutée.</translation>
    </message>
    <message>
        <source>Line: %1 + VAT %2 = %3.</source>
        <translation>Ligne : %1 + TVA %2 = %3.</translation>
    </message>
    <message>
        <source>Computed again today: the same amount as the call.</source>
        <translation>Recalculé aujourd&apos;hui : le même montant que l&apos;appel.</translation>
    </message>
    <message>
        <source>Computed again today: %1, but the call holds %2. Budgets, keys, members or VAT settings changed after the call was issued; the call keeps its amount.</source>
        <translation>Recalculé aujourd&apos;hui : %1, mais l&apos;appel porte %2. Les budgets, les clés, les membres ou la TVA ont changé depuis l&apos;émission de l&apos;appel ; l&apos;appel garde son montant.</translation>
    </message>
</context>
<context>
    <name>CallsPage</name>
    <message>
        <source>Number</source>
        <extracomment>Rows measured to fit a column&apos;s width (Qt&apos;s default, 1 000, costs seconds on a large year; each cell measured is several Python calls on the GUI thread): a sample, as other lists. The call list&apos;s amount columns with a total: incl. VAT, paid, outstanding.</extracomment>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Émis le</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Total incl. VAT</source>
        <translation>Total TTC</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Réglé</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Reste dû</translation>
    </message>
    <message>
        <source>&amp;More</source>
        <translation>&amp;Plus</translation>
    </message>
    <message>
        <source>E&amp;xceptional line…</source>
        <translation>Ligne e&amp;xceptionnelle…</translation>
    </message>
    <message>
        <source>Exceptional &amp;calls…</source>
        <translation>Appels ex&amp;ceptionnels…</translation>
    </message>
    <message>
        <source>One PDF per &amp;member…</source>
        <translation>Un &amp;PDF par membre…</translation>
    </message>
    <message>
        <source>The calls of the selected call&apos;s period: one PDF per member, one merged PDF to print and a ready-to-send e-mail for members with an address.</source>
        <translation>Les appels de la période de l&apos;appel sélectionné&#xa0;: un PDF par membre, un PDF réunissant tout à imprimer et un e-mail prêt à envoyer pour les membres qui ont une adresse.</translation>
    </message>
    <message>
        <source>Select a call first: its period&apos;s calls are written.</source>
        <translation>Sélectionnez d&apos;abord un appel&#xa0;: les PDF sont créés pour les appels de sa période.</translation>
    </message>
    <message>
        <source>Folder for the calls of %1</source>
        <translation>Dossier pour les appels «&#xa0;%1&#xa0;»</translation>
    </message>
    <message numerus="yes">
        <source>%n PDF(s) written in %1</source>
        <translation>
            <numerusform>%n PDF enregistré dans %1</numerusform>
            <numerusform>%n PDF enregistrés dans %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Folder for the reminders</source>
        <translation>Dossier pour les relances</translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) written in %1</source>
        <translation>
            <numerusform>%n relance enregistrée dans %1</numerusform>
            <numerusform>%n relances enregistrées dans %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Exceptional line recorded: it will be called once.</source>
        <translation>Ligne exceptionnelle enregistrée&#xa0;: elle sera appelée une seule fois.</translation>
    </message>
    <message>
        <source>True-up</source>
        <translation>Régularisation</translation>
    </message>
    <message>
        <source>Exceptional call</source>
        <translation>Appel exceptionnel</translation>
    </message>
    <message>
        <source>Provisional call</source>
        <translation>Appel provisionnel</translation>
    </message>
    <message>
        <source>issued on %1, due on %2</source>
        <translation>émis le %1, échéance le %2</translation>
    </message>
    <message>
        <source>Paid %1 · outstanding %2</source>
        <translation>Réglé %1 · reste dû %2</translation>
    </message>
    <message>
        <source>Issue calls</source>
        <extracomment>The first page of the calls ``search`` leaves, with their counts and totals. The payments list&apos;s first page, with its count and totals (summed by the database). Whether the year is closed (read here: the fiscal years&apos; query scans the file).</extracomment>
        <translation>Émettre les appels de fonds</translation>
    </message>
    <message>
        <source>Search a call (number, member, period…)</source>
        <extracomment>year → closed, as the loads read it (the buttons follow it without a query) Counts the page&apos;s reloads (a year, a change of the data): a lazy tab shown with another count than the one it was read for is read again. tab → the reload count its rows were read for (``None``: never read) tab → the year its rows are of (a tab of another year is emptied before its load) the day « Impayés » counted its days late to (read again on another day) past midnight the days late on screen are a day behind</extracomment>
        <translation>Rechercher un appel (numéro, membre, période…)</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n appel</numerusform>
            <numerusform>%n appels</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Issue the quarter&apos;s calls…</source>
        <translation>É&amp;mettre les appels du trimestre…</translation>
    </message>
    <message>
        <source>Year-end &amp;true-up…</source>
        <translation>&amp;Régularisation de l&apos;exercice…</translation>
    </message>
    <message>
        <source>Call detail</source>
        <translation>Détail de l&apos;appel</translation>
    </message>
    <message>
        <source>&amp;Calls for funds</source>
        <translation>&amp;Appels de fonds</translation>
    </message>
    <message>
        <source>&amp;Payments</source>
        <translation>&amp;Règlements</translation>
    </message>
    <message>
        <source>&amp;Unpaid by member</source>
        <translation>&amp;Impayés par membre</translation>
    </message>
    <message>
        <source>&amp;Balances</source>
        <translation>&amp;Soldes</translation>
    </message>
    <message>
        <source>This fiscal year is closed.</source>
        <translation>Cet exercice est clôturé.</translation>
    </message>
    <message>
        <source>Select a call to see its lines.</source>
        <translation>Sélectionnez un appel pour voir ses lignes.</translation>
    </message>
    <message>
        <source>Issue the calls for %1, dated %2 and due on %3?

This cannot be undone: the calls get their numbers for good.</source>
        <translation>Émettre les appels de fonds de %1, datés du %2, échéance le %3 ?

Cette action ne peut pas être annulée : les appels reçoivent leur numéro définitivement.</translation>
    </message>
    <message>
        <source>Issuing the calls for %1…</source>
        <translation>Émission des appels de fonds de %1…</translation>
    </message>
    <message>
        <source>No call issued: no member had anything to pay.</source>
        <translation>Aucun appel émis : aucun membre n&apos;avait de montant à payer.</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) issued</source>
        <translation>
            <numerusform>%n appel émis</numerusform>
            <numerusform>%n appels émis</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>No data</source>
        <translation>Aucune donnée</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Every row is checked before anything is written.</source>
        <translation>Chaque ligne est vérifiée avant que quoi que ce soit ne soit écrit.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>%1 error(s): nothing will be imported. Correct the file and try again.</source>
        <translation>Erreurs : %1. Rien ne sera importé : corrigez le fichier puis recommencez.</translation>
    </message>
    <message>
        <source>No error. Ready to import — %1</source>
        <translation>Aucune erreur. Prêt à importer — %1</translation>
    </message>
</context>
<context>
    <name>ChoosePage</name>
    <message>
        <source>What to import</source>
        <translation>Que faut-il importer ?</translation>
    </message>
    <message>
        <source>A CSV file, or an Excel or LibreOffice workbook (XLSX, XLS, ODS).</source>
        <translation>Un fichier CSV, ou un classeur Excel ou LibreOffice (XLSX, XLS, ODS).</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>first sheet</source>
        <translation>première feuille</translation>
    </message>
    <message>
        <source>Update the records that already exist</source>
        <translation>Mettre à jour les enregistrements qui existent déjà</translation>
    </message>
    <message>
        <source>Create the members the file names but lacks</source>
        <translation>Créer les membres que le fichier nomme mais qui n&apos;existent pas</translation>
    </message>
    <message>
        <source>when the file has no Key column</source>
        <translation>si le fichier n&apos;a pas de colonne Clé</translation>
    </message>
    <message>
        <source>dd/mm/yyyy, when the file has no date</source>
        <translation>jj/mm/aaaa, si le fichier ne donne pas la date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Feuille</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valable à partir du</translation>
    </message>
    <message>
        <source>Import a file</source>
        <translation>Importer un fichier</translation>
    </message>
</context>
<context>
    <name>CostDetailPanel</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 Ko</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <source>excl. VAT</source>
        <translation>HT</translation>
    </message>
    <message>
        <source>incl. VAT</source>
        <translation>TTC</translation>
    </message>
    <message>
        <source>Adjustment of a closed year</source>
        <translation>Régularisation d&apos;un exercice clôturé</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Invoice date</source>
        <translation>Date de facture</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>Payée le</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Invoice ref.</source>
        <translation>Réf. facture</translation>
    </message>
    <message>
        <source>Excl. VAT</source>
        <translation>HT</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>Incl. VAT</source>
        <translation>TTC</translation>
    </message>
    <message>
        <source>Amount split</source>
        <translation>Montant réparti</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Cerfa line</source>
        <translation>Ligne Cerfa</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <source>&amp;Use this line</source>
        <translation>&amp;Utiliser cette ligne</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>Quotes-parts</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Quote-part</translation>
    </message>
    <message>
        <source>&amp;Why this amount?</source>
        <translation>&amp;Pourquoi ce montant ?</translation>
    </message>
    <message>
        <source>Explain how the selected share was computed</source>
        <translation>Expliquer le calcul de la quote-part sélectionnée</translation>
    </message>
    <message>
        <source>Supporting documents</source>
        <translation>Justificatifs</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>A&amp;dd…</source>
        <translation>A&amp;jouter…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;tirer</translation>
    </message>
    <message>
        <source>Select a cost to see its shares.</source>
        <translation>Sélectionnez une charge pour voir ses quotes-parts.</translation>
    </message>
    <message>
        <source>No Cerfa line: choose one when editing the cost, or the grant reports will list it as unclassified.</source>
        <translation>Pas de ligne Cerfa : choisissez-en une en modifiant la charge, sinon les comptes rendus de subvention la listeront comme non classée.</translation>
    </message>
    <message>
        <source>No Cerfa line. Proposed from its service: %1</source>
        <translation>Pas de ligne Cerfa. Proposée d&apos;après son service : %1</translation>
    </message>
    <message>
        <source>Cerfa line %1 on “%2”</source>
        <translation>Ligne Cerfa %1 sur « %2 »</translation>
    </message>
    <message>
        <source>Add a supporting document</source>
        <translation>Ajouter un justificatif</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.png *.jpg *.jpeg *.odt *.ods *.doc *.docx *.xls *.xlsx);;All files (*)</source>
        <translation>Documents (*.pdf *.png *.jpg *.jpeg *.odt *.ods *.doc *.docx *.xls *.xlsx);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Attach “%1” to “%2”</source>
        <translation>Joindre « %1 » à « %2 »</translation>
    </message>
    <message>
        <source>Remove a supporting document</source>
        <translation>Retirer un justificatif</translation>
    </message>
    <message>
        <source>Remove “%1” from this cost? You can undo it with Ctrl+Z.</source>
        <translation>Retirer « %1 » de cette charge ? Vous pourrez l&apos;annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Remove “%1” from “%2”</source>
        <translation>Retirer « %1 » de « %2 »</translation>
    </message>
</context>
<context>
    <name>CostDialog</name>
    <message>
        <source>Split between the members</source>
        <extracomment>for an adjustment: a day of an open fiscal year to date it (its month is the period)</extracomment>
        <translation>Répartition entre les membres</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Quote-part</translation>
    </message>
    <message numerus="yes">
        <source>Total split: %1 (%n member(s))</source>
        <translation>
            <numerusform>Total réparti : %1 (%n membre)</numerusform>
            <numerusform>Total réparti : %1 (%n membres)</numerusform>
        </translation>
    </message>
    <message>
        <source>New cost</source>
        <translation>Nouvelle charge</translation>
    </message>
    <message>
        <source>Cost “%1”</source>
        <translation>Charge « %1 »</translation>
    </message>
    <message>
        <source>Record an &amp;adjustment instead…</source>
        <translation>Enregistrer une &amp;régularisation…</translation>
    </message>
    <message>
        <source>This cost belongs to the closed fiscal year %1: it can no longer be changed. Record an adjustment in an open year instead.</source>
        <translation>Cette charge appartient à l&apos;exercice clôturé %1 : elle ne peut plus être modifiée. Enregistrez plutôt une régularisation dans un exercice ouvert.</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <source>New service…</source>
        <translation>Nouveau service…</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>&amp;Service</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>&amp;Libellé</translation>
    </message>
    <message>
        <source>Su&amp;pplier</source>
        <translation>&amp;Fournisseur</translation>
    </message>
    <message>
        <source>Invoice &amp;reference</source>
        <translation>Référe&amp;nce de facture</translation>
    </message>
    <message>
        <source>&amp;Invoice date</source>
        <translation>Date de fac&amp;ture</translation>
    </message>
    <message>
        <source>Period &amp;from</source>
        <translation>Période &amp;du</translation>
    </message>
    <message>
        <source>Period &amp;to</source>
        <translation>Période a&amp;u</translation>
    </message>
    <message>
        <source>Pa&amp;yment date</source>
        <translation>Date de pai&amp;ement</translation>
    </message>
    <message>
        <source>Amounts</source>
        <translation>Montants</translation>
    </message>
    <message>
        <source>Amount e&amp;xcl. VAT</source>
        <translation>Montant &amp;HT</translation>
    </message>
    <message>
        <source>&amp;VAT</source>
        <translation>T&amp;VA</translation>
    </message>
    <message>
        <source>Amount incl. VA&amp;T</source>
        <translation>Montant TT&amp;C</translation>
    </message>
    <message>
        <source>Filled from the amount excl. VAT and the VAT.</source>
        <translation>Calculé à partir du montant HT et de la TVA.</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Imputation</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>&amp;Cerfa line</source>
        <translation>Li&amp;gne Cerfa</translation>
    </message>
    <message>
        <source>&amp;Use it</source>
        <translation>&amp;L&apos;utiliser</translation>
    </message>
    <message>
        <source>Pro&amp;ject</source>
        <translation>Pro&amp;jet</translation>
    </message>
    <message>
        <source>Choose the shared service to see the split.</source>
        <translation>Choisissez le service mutualisé pour voir la répartition.</translation>
    </message>
    <message>
        <source>Type the period covered to see how it is split.</source>
        <translation>Saisissez la période couverte pour voir la répartition.</translation>
    </message>
    <message>
        <source>Type the amount to see how it is split.</source>
        <translation>Saisissez le montant pour voir la répartition.</translation>
    </message>
    <message>
        <source>Proposed from the service: %1</source>
        <translation>Proposée d&apos;après le service : %1</translation>
    </message>
    <message>
        <source>The split cannot be shown (see the log file).</source>
        <translation>La répartition ne peut pas être affichée (voir le journal).</translation>
    </message>
    <message>
        <source>Nobody takes part in this split.</source>
        <translation>Personne ne participe à cette répartition.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Période du</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Période au</translation>
    </message>
    <message>
        <source>Invoice date</source>
        <translation>Date de facture</translation>
    </message>
    <message>
        <source>Amount excl. VAT</source>
        <translation>Montant HT</translation>
    </message>
    <message>
        <source>Adjustment of “%1”</source>
        <translation>Régularisation de « %1 »</translation>
    </message>
    <message>
        <source>An adjustment is a new cost, dated in an open fiscal year, that corrects “%1”. Type the correction (negative for a credit): it is split with the key in force for its own period.</source>
        <translation>Une régularisation est une nouvelle charge, datée dans un exercice ouvert, qui corrige « %1 ». Saisissez la correction (négative pour un avoir) : elle est répartie avec la clé en vigueur sur sa propre période.</translation>
    </message>
    <message>
        <source>Adjustment: %1</source>
        <translation>Régularisation : %1</translation>
    </message>
    <message>
        <source>Add cost “%1”</source>
        <translation>Ajouter la charge « %1 »</translation>
    </message>
    <message>
        <source>Adjust “%1”</source>
        <translation>Régulariser « %1 »</translation>
    </message>
    <message>
        <source>Edit cost “%1”</source>
        <translation>Modifier la charge « %1 »</translation>
    </message>
</context>
<context>
    <name>CostListModel</name>
    <message>
        <source>Invoice date</source>
        <translation>Date facture</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Period covered by the cost</source>
        <translation>Période couverte par la charge</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Excl. VAT</source>
        <translation>HT</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>Incl. VAT</source>
        <translation>TTC</translation>
    </message>
    <message>
        <source>Cerfa</source>
        <translation>Cerfa</translation>
    </message>
    <message>
        <source>Line of the Cerfa 15059 budget</source>
        <translation>Ligne du budget Cerfa 15059</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>PJ</translation>
    </message>
    <message>
        <source>Number of attachments (justificatifs)</source>
        <translation>Nombre de justificatifs joints</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Quote-part</translation>
    </message>
    <message>
        <source>Share of the member chosen in the filter</source>
        <translation>Quote-part du membre choisi dans le filtre</translation>
    </message>
    <message>
        <source>Adjustment of a cost of a closed year: %1</source>
        <extracomment>At a laptop&apos;s width (1200 or 1366 px beside the panel) these columns go, in this order, rather than every column being cut to a few letters: the period and the supplier are in the panel and in the label&apos;s tooltip, the others are hidden at first anyway (TableView.foldable).</extracomment>
        <translation>Régularisation d&apos;une charge d&apos;un exercice clôturé : %1</translation>
    </message>
    <message>
        <source>(cannot be sorted)</source>
        <translation>(tri impossible)</translation>
    </message>
</context>
<context>
    <name>CostsPage</name>
    <message>
        <source>Search label, supplier, invoice reference…</source>
        <extracomment>The search field is typed in daily: below this the filters leave its row. A filter widens to show its current choice up to this (a very long name is cut there). &quot;journal:costs/&lt;id&gt;&quot;: the window shows the cost&apos;s history (Journal page).</extracomment>
        <translation>Rechercher libellé, fournisseur, référence de facture…</translation>
    </message>
    <message>
        <source>Search costs</source>
        <translation>Rechercher des charges</translation>
    </message>
    <message>
        <source>Filter by service</source>
        <translation>Filtrer par service</translation>
    </message>
    <message>
        <source>Filter by project</source>
        <translation>Filtrer par projet</translation>
    </message>
    <message>
        <source>Filter by member</source>
        <translation>Filtrer par membre</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Charges</translation>
    </message>
    <message>
        <source>Every change made to this cost, in the change log</source>
        <translation>Toutes les modifications de cette charge, dans le journal</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Tous les services</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>Tous les projets</translation>
    </message>
    <message>
        <source>All members</source>
        <translation>Tous les membres</translation>
    </message>
    <message numerus="yes">
        <source>%Ln cost(s)</source>
        <translation>
            <numerusform>%Ln charge</numerusform>
            <numerusform>%Ln charges</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 matching the filters</source>
        <translation>%1 correspondant aux filtres</translation>
    </message>
    <message numerus="yes">
        <source>Total of the %Ln cost(s) shown</source>
        <translation>
            <numerusform>Total de %Ln charge affichée</numerusform>
            <numerusform>Total des %Ln charges affichées</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete a cost</source>
        <translation>Supprimer une charge</translation>
    </message>
    <message>
        <source>Delete “%1” and its shares? You can undo it with Ctrl+Z.</source>
        <translation>Supprimer « %1 » et ses quotes-parts ? Vous pourrez l&apos;annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete cost “%1”</source>
        <translation>Supprimer la charge « %1 »</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Members</source>
        <extracomment>the services chart: this many bars, then « Autres services » adding up the rest The tables whose changes move a figure of the dashboard. The page each figure card opens.</extracomment>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Shared costs</source>
        <translation>Charges mutualisées</translation>
    </message>
    <message>
        <source>Total costs (incl. VAT)</source>
        <translation>Total des charges (TTC)</translation>
    </message>
    <message>
        <source>Amount shared between members</source>
        <translation>Montant réparti entre les membres</translation>
    </message>
    <message>
        <source>Members&apos; shares</source>
        <translation>Quotes-parts des membres</translation>
    </message>
    <message>
        <source>Services with costs</source>
        <translation>Services ayant des charges</translation>
    </message>
    <message>
        <source>Calls for funds</source>
        <translation>Appels de fonds</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Appelé</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Réglé</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Reste dû</translation>
    </message>
    <message>
        <source>Payments not yet matched</source>
        <translation>Règlements non affectés</translation>
    </message>
    <message>
        <source>Grants</source>
        <translation>Subventions</translation>
    </message>
    <message>
        <source>Voted</source>
        <translation>Voté</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Passed on to members</source>
        <translation>Reversé aux membres</translation>
    </message>
    <message>
        <source>Kept for coordination</source>
        <translation>Conservé pour la coordination</translation>
    </message>
    <message>
        <source>Still to pass on</source>
        <translation>Reste à reverser</translation>
    </message>
    <message>
        <source>Grants whose period covers the year; amounts to date.</source>
        <translation>Subventions dont la période couvre l&apos;exercice ; montants à ce jour.</translation>
    </message>
    <message>
        <source>In-kind contributions</source>
        <translation>Contributions en nature</translation>
    </message>
    <message>
        <source>Total value</source>
        <translation>Valeur totale</translation>
    </message>
    <message>
        <source>Contributions</source>
        <translation>Contributions</translation>
    </message>
    <message>
        <source>Volunteer hours</source>
        <translation>Heures de bénévolat</translation>
    </message>
    <message>
        <source>Open the page</source>
        <translation>Ouvrir la page</translation>
    </message>
    <message>
        <source>Costs by service</source>
        <translation>Charges par service</translation>
    </message>
    <message>
        <source>Shares by member</source>
        <translation>Quotes-parts par membre</translation>
    </message>
    <message>
        <source>Members by category</source>
        <translation>Membres par catégorie</translation>
    </message>
    <message>
        <source>Grants by funder type</source>
        <translation>Subventions par type de financeur</translation>
    </message>
    <message>
        <source>Loading the figures…</source>
        <translation>Chargement des chiffres…</translation>
    </message>
    <message>
        <source>The figures could not be loaded: %1</source>
        <translation>Les chiffres n&apos;ont pas pu être chargés : %1</translation>
    </message>
    <message>
        <source>The figures could not be loaded.</source>
        <translation>Les chiffres n&apos;ont pas pu être chargés.</translation>
    </message>
    <message>
        <source>Fiscal year %1, from %2 to %3.</source>
        <translation>Exercice %1, du %2 au %3.</translation>
    </message>
    <message>
        <source>The shares do not add up to the amount shared.</source>
        <translation>La somme des quotes-parts diffère du montant réparti.</translation>
    </message>
    <message>
        <source>Members in the year</source>
        <translation>Membres sur l&apos;exercice</translation>
    </message>
    <message>
        <source>of whom joined during the year</source>
        <translation>dont entrés dans l&apos;exercice</translation>
    </message>
    <message>
        <source>of whom left during the year</source>
        <translation>dont sortis dans l&apos;exercice</translation>
    </message>
    <message>
        <source>Other services</source>
        <translation>Autres services</translation>
    </message>
    <message>
        <source>Amount shared</source>
        <translation>Montant réparti</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>Autres</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Quote-part</translation>
    </message>
    <message>
        <source>Received in the year</source>
        <translation>Reçu dans l&apos;exercice</translation>
    </message>
    <message>
        <source>The members meet the PTCE rule.</source>
        <translation>Les membres remplissent la condition PTCE.</translation>
    </message>
    <message>
        <source>The members do not meet the PTCE rule yet.</source>
        <translation>Les membres ne remplissent pas encore la condition PTCE.</translation>
    </message>
    <message>
        <source>To be recognised as a PTCE, the members will need to include:</source>
        <translation>Pour être reconnu comme PTCE, le pôle devra compter parmi ses membres :</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>Il manque %1</translation>
    </message>
</context>
<context>
    <name>DashboardTodo</name>
    <message>
        <source>Add the members</source>
        <translation>Ajouter les membres</translation>
    </message>
    <message>
        <source>The organisations that share the costs.</source>
        <translation>Les structures qui partagent les charges.</translation>
    </message>
    <message>
        <source>Create an allocation key</source>
        <translation>Créer une clé de répartition</translation>
    </message>
    <message>
        <source>How a service&apos;s costs are split: m², users, equal parts…</source>
        <translation>Comment les charges d&apos;un service se répartissent : m², utilisateurs, parts égales…</translation>
    </message>
    <message>
        <source>Create the shared services</source>
        <translation>Créer les services mutualisés</translation>
    </message>
    <message>
        <source>Premises, accounting, staff… each split by a key.</source>
        <translation>Locaux, comptabilité, salariés… chacun réparti par une clé.</translation>
    </message>
    <message>
        <source>Enter the year&apos;s budgets</source>
        <translation>Saisir les budgets de l&apos;exercice</translation>
    </message>
    <message>
        <source>The provisional calls for funds are a quarter of each budget.</source>
        <translation>Les appels de fonds provisionnels sont le quart de chaque budget.</translation>
    </message>
    <message>
        <source>Issue the first calls for funds</source>
        <translation>Émettre les premiers appels de fonds</translation>
    </message>
    <message>
        <source>One call per member and quarter, as PDF.</source>
        <translation>Un appel par membre et par trimestre, en PDF.</translation>
    </message>
    <message>
        <source>First steps</source>
        <translation>Premiers pas</translation>
    </message>
    <message>
        <source>Set the pole up in this order; each step ticks itself once done.</source>
        <translation>Mettez le pôle en place dans cet ordre ; chaque étape se coche d&apos;elle-même une fois faite.</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Y aller</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>See</source>
        <translation>Voir</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) past due: %1 outstanding (oldest due on %2)</source>
        <translation>
            <numerusform>%n appel en retard : %1 reste dû (échéance la plus ancienne le %2)</numerusform>
            <numerusform>%n appels en retard : %1 restent dus (échéance la plus ancienne le %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fiscal year %1: %2 not called yet</source>
        <translation>
            <numerusform>Exercice %1 : %2 pas encore appelé</numerusform>
            <numerusform>Exercice %1 : %2 pas encore appelés</numerusform>
        </translation>
    </message>
    <message>
        <source>Report of « %1 » (%2) was due on %3</source>
        <translation>Le compte rendu de « %1 » (%2) était dû le %3</translation>
    </message>
    <message>
        <source>Report of « %1 » (%2) due on %3</source>
        <translation>Le compte rendu de « %1 » (%2) est dû le %3</translation>
    </message>
    <message>
        <source>« %1 » (%2): %3 passed on beyond what is due</source>
        <translation>« %1 » (%2) : %3 reversés au-delà de ce qui est dû</translation>
    </message>
    <message>
        <source>Fiscal year %1 ended on %2: close it once its figures are final</source>
        <translation>L&apos;exercice %1 s&apos;est terminé le %2 : clôturez-le une fois ses chiffres définitifs</translation>
    </message>
    <message>
        <source>The newest verified backup dates from %1: make one</source>
        <translation>La dernière sauvegarde vérifiée date du %1 : faites-en une</translation>
    </message>
    <message>
        <source>No verified backup of this file yet: make one</source>
        <translation>Aucune sauvegarde vérifiée de ce fichier : faites-en une</translation>
    </message>
    <message>
        <source>Calls and payments</source>
        <translation>Appels et règlements</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Financements</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Backups…</source>
        <translation>Sauvegardes…</translation>
    </message>
    <message>
        <source>Nothing due: calls, grant reports, closings and backups are up to date.</source>
        <translation>Rien à faire : appels, comptes rendus, clôtures et sauvegardes sont à jour.</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>jj/mm/aaaa</translation>
    </message>
    <message>
        <source>Choose in a calendar</source>
        <translation>Choisir dans un calendrier</translation>
    </message>
</context>
<context>
    <name>DebtsTab</name>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Reste dû</translation>
    </message>
    <message>
        <source>Oldest due date</source>
        <translation>Échéance la plus ancienne</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>Jours de retard</translation>
    </message>
    <message>
        <source>Last reminder</source>
        <translation>Dernière relance</translation>
    </message>
    <message>
        <source>Search a member</source>
        <extracomment>member id → the date of the member&apos;s latest reminder letter (relance).</extracomment>
        <translation>Rechercher un membre</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) owing</source>
        <translation>
            <numerusform>%n membre débiteur</numerusform>
            <numerusform>%n membres débiteurs</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Reminder letters…</source>
        <translation>&amp;Lettres de relance…</translation>
    </message>
    <message>
        <source>A reminder letter per member listed, with its unpaid calls past due, and a ready-to-send e-mail for members with an address; the date is recorded.</source>
        <translation>Une lettre de relance par membre de la liste, avec ses appels impayés échus, et un e-mail prêt à envoyer pour les membres qui ont une adresse&#xa0;; la date de relance est enregistrée.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>File already open</source>
        <translation>Fichier déjà ouvert</translation>
    </message>
    <message>
        <source>File cannot be changed</source>
        <translation>Fichier impossible à modifier</translation>
    </message>
    <message>
        <source>You can open it read-only to look and print, or quit and close the other program first.</source>
        <translation>Vous pouvez l&apos;ouvrir en lecture seule pour consulter et imprimer, ou quitter et fermer d&apos;abord l&apos;autre programme.</translation>
    </message>
    <message>
        <source>Open &amp;read-only</source>
        <translation>Ouvrir en &amp;lecture seule</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Open a PTCE Desktop file</source>
        <translation>Ouvrir un fichier PTCE Desktop</translation>
    </message>
    <message>
        <source>Where to keep the new pole&apos;s file</source>
        <translation>Où enregistrer le fichier du nouveau pôle</translation>
    </message>
    <message>
        <source>Nothing is saved any more</source>
        <translation>Plus rien n&apos;est enregistré</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>&amp;Enregistrer une copie…</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Plus tard</translation>
    </message>
    <message>
        <source>Folder for the copy (a USB key, a shared drive…)</source>
        <translation>Dossier de la copie (clé USB, lecteur partagé…)</translation>
    </message>
    <message>
        <source>PTCE Desktop</source>
        <translation>PTCE Desktop</translation>
    </message>
    <message>
        <source>The open file will be replaced by this backup. It is first kept as a copy in:
%1

A restore cannot be undone with Undo: the undo history is cleared.</source>
        <translation>Le fichier ouvert sera remplacé par cette sauvegarde. Il est d&apos;abord conservé en copie dans :
%1

Une restauration ne peut pas être annulée avec «&#xa0;Annuler&#xa0;» : l&apos;historique d&apos;annulation est vidé.</translation>
    </message>
    <message>
        <source>This backup of the file was verified. The refused file is not deleted: it is first kept as a copy in:
%1</source>
        <translation>Cette sauvegarde du fichier a été vérifiée. Le fichier refusé n&apos;est pas supprimé : il est d&apos;abord conservé en copie dans :
%1</translation>
    </message>
    <message>
        <source>Damaged file</source>
        <translation>Fichier endommagé</translation>
    </message>
    <message>
        <source>Repair rebuilds the file from everything SQLite can still read; the damaged original is kept beside it.</source>
        <translation>La réparation reconstruit le fichier à partir de tout ce que SQLite peut encore lire ; l&apos;original endommagé est conservé à côté.</translation>
    </message>
    <message>
        <source>&amp;Repair…</source>
        <translation>&amp;Réparer…</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Pas maintenant</translation>
    </message>
    <message>
        <source>Database check</source>
        <translation>Vérification de la base</translation>
    </message>
    <message>
        <source>The file is sound.</source>
        <translation>Le fichier est sain.</translation>
    </message>
    <message>
        <source>Problems were found.</source>
        <translation>Des problèmes ont été trouvés.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Restore the backup of %1 at %2?</source>
        <translation>Restaurer la sauvegarde du %1 à %2 ?</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
</context>
<context>
    <name>EmailTextsBox</name>
    <message>
        <source>Call for funds</source>
        <translation>Appel de fonds</translation>
    </message>
    <message>
        <source>Reminder of unpaid calls</source>
        <translation>Relance des appels impayés</translation>
    </message>
    <message>
        <source>the member&apos;s name</source>
        <translation>le nom du membre</translation>
    </message>
    <message>
        <source>the fiscal year</source>
        <translation>l&apos;exercice</translation>
    </message>
    <message>
        <source>the call&apos;s number (the unpaid calls&apos; numbers)</source>
        <translation>le numéro de l&apos;appel (les numéros des appels impayés)</translation>
    </message>
    <message>
        <source>the period called (empty on a reminder)</source>
        <translation>la période appelée (vide sur une relance)</translation>
    </message>
    <message>
        <source>the amount called (the amount left to pay)</source>
        <translation>le montant appelé (le montant restant à payer)</translation>
    </message>
    <message>
        <source>the due date (the oldest one)</source>
        <translation>l&apos;échéance (la plus ancienne)</translation>
    </message>
    <message>
        <source>the pole&apos;s name</source>
        <translation>le nom du pôle</translation>
    </message>
    <message>
        <source>E-mails sent with the calls</source>
        <translation>E-mails joints aux appels</translation>
    </message>
    <message>
        <source>After issuing, a ready-to-send message is written for each member with an e-mail address, with its document attached; nothing is sent by the app. Write a field between braces to fill it in for each member:</source>
        <translation>Après l&apos;émission, un message prêt à envoyer est écrit pour chaque membre ayant une adresse e-mail, avec son document en pièce jointe ; l&apos;application n&apos;envoie rien. Écrivez un champ entre accolades pour le remplir pour chaque membre :</translation>
    </message>
    <message>
        <source>Restore the &amp;default text</source>
        <translation>Rétablir le texte par &amp;défaut</translation>
    </message>
    <message>
        <source>&amp;Save the texts</source>
        <translation>&amp;Enregistrer les textes</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Preview (example values)</source>
        <translation>Aperçu (valeurs d&apos;exemple)</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Objet : %1</translation>
    </message>
    <message>
        <source>Default text restored: save to keep it.</source>
        <translation>Texte par défaut rétabli : enregistrez pour le conserver.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <source>PTCE Desktop</source>
        <translation>PTCE Desktop</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <source>Something went wrong inside PTCE Desktop. What you saved before is safe; the last action may not have been completed.</source>
        <translation>Un problème inattendu est survenu dans PTCE Desktop. Ce qui était enregistré avant est intact ; la dernière action n&apos;a peut-être pas été effectuée.</translation>
    </message>
    <message>
        <source>(no log file)</source>
        <translation>(pas de fichier journal)</translation>
    </message>
    <message>
        <source>Please send the details and the log file to whoever supports you:
%1</source>
        <translation>Transmettez les détails et le fichier journal à la personne qui vous assiste :
%1</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Forum</source>
        <translation>Forum</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>Conférence</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visite</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Formation</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Salon</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Nouvel événement</translation>
    </message>
    <message>
        <source>Event “%1”</source>
        <translation>Événement « %1 »</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Intitulé</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Lieu</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>P&amp;articipants</source>
        <translation>P&amp;articipants</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>P&amp;roject</source>
        <translation>P&amp;rojet</translation>
    </message>
    <message>
        <source>D&amp;escription</source>
        <translation>D&amp;escription</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Add event “%1”</source>
        <translation>Ajouter l&apos;événement « %1 »</translation>
    </message>
    <message>
        <source>Edit event “%1”</source>
        <translation>Modifier l&apos;événement « %1 »</translation>
    </message>
</context>
<context>
    <name>ExceptionalDialog</name>
    <message>
        <source>Exceptional call line</source>
        <translation>Ligne d&apos;appel exceptionnelle</translation>
    </message>
    <message>
        <source>Works, a one-off purchase: the amount is split once with the key in force on its date and called once, on the next call or on a call of its own. Enter the invoice itself as a cost of the service: the year-end true-up then does not call it twice.</source>
        <translation>Des travaux, un achat ponctuel&#xa0;: le montant est réparti une seule fois selon la clé en vigueur à sa date et appelé une seule fois, sur le prochain appel ou sur un appel à part. Saisissez la facture elle-même comme charge du service&#xa0;: la régularisation de fin d&apos;exercice ne l&apos;appellera alors pas deux fois.</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>&amp;Libellé</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Montant</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>&amp;Service</translation>
    </message>
    <message>
        <source>— the service&apos;s key —</source>
        <translation>— la clé du service —</translation>
    </message>
    <message>
        <source>&amp;Key</source>
        <translation>&amp;Clé</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>On a call of its own</source>
        <translation>Sur un appel à part</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
</context>
<context>
    <name>FiscalYearsBox</name>
    <message>
        <source>Closed</source>
        <translation>Clôturé</translation>
    </message>
    <message>
        <source>Closed on %1</source>
        <translation>Clôturé le %1</translation>
    </message>
    <message>
        <source>Open, current</source>
        <translation>Ouvert, en cours</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Fiscal years</source>
        <translation>Exercices</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>Exercice</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>&amp;Close the year…</source>
        <translation>&amp;Clôturer l&apos;exercice…</translation>
    </message>
    <message>
        <source>&amp;Reopen…</source>
        <translation>&amp;Rouvrir…</translation>
    </message>
    <message>
        <source>Closing a year freezes its shares, calls for funds and payments; a correction then goes into an open year.</source>
        <translation>Clôturer un exercice fige ses quotes-parts, appels de fonds et règlements ; une correction se fait ensuite dans un exercice ouvert.</translation>
    </message>
    <message>
        <source>Close the fiscal year %1?

Its shares, calls for funds and payments will be frozen. Closing cannot be undone with Ctrl+Z (it also empties the undo history); only “Reopen” gives the year back.</source>
        <translation>Clôturer l&apos;exercice %1 ?

Ses quotes-parts, appels de fonds et règlements seront figés. La clôture ne peut pas être annulée avec Ctrl+Z (elle vide aussi l&apos;historique d&apos;annulation) ; seul « Rouvrir » rend l&apos;exercice modifiable.</translation>
    </message>
    <message>
        <source>Note: an earlier fiscal year is still open.</source>
        <translation>Remarque : un exercice antérieur est encore ouvert.</translation>
    </message>
    <message>
        <source>Close a fiscal year</source>
        <translation>Clôturer un exercice</translation>
    </message>
    <message>
        <source>Reopen the fiscal year %1?

Its shares, calls and payments can be changed again. This is recorded in the audit log and cannot be undone with Ctrl+Z.

Why is it reopened?</source>
        <translation>Rouvrir l&apos;exercice %1 ?

Ses quotes-parts, appels et règlements pourront de nouveau être modifiés. La réouverture est inscrite au journal des modifications et ne s&apos;annule pas avec Ctrl+Z.

Pourquoi le rouvrir ?</translation>
    </message>
    <message>
        <source>Reopen a fiscal year</source>
        <translation>Rouvrir un exercice</translation>
    </message>
</context>
<context>
    <name>FunderDialog</name>
    <message>
        <source>New funder</source>
        <translation>Nouveau financeur</translation>
    </message>
    <message>
        <source>Funder “%1”</source>
        <translation>Financeur « %1 »</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation>&amp;Contact</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otes</translation>
    </message>
</context>
<context>
    <name>FundingPage</name>
    <message>
        <source>Title</source>
        <extracomment>``show_section(&quot;grant-&lt;id&gt;/&lt;name&gt;&quot;)``: the editor&apos;s tab each name opens.</extracomment>
        <translation>Intitulé</translation>
    </message>
    <message>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Suggested: %1</source>
        <translation>Suggéré : %1</translation>
    </message>
    <message>
        <source>Voted</source>
        <translation>Voté</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Passed on</source>
        <translation>Reversé</translation>
    </message>
    <message>
        <source>Reste à reverser</source>
        <translation>Reste à reverser</translation>
    </message>
    <message>
        <source>The plan applied to what was received, minus what was passed on</source>
        <translation>Le plan appliqué à ce qui a été reçu, moins ce qui a déjà été reversé</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Grants</source>
        <translation>Subventions</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Search a grant (title, funder, status…)</source>
        <extracomment>what a reload reads: the year&apos;s grants, the funders, (members, keys) for the grant tabs &quot;journal:grants/&lt;id&gt;&quot;: the window shows the grant&apos;s history (Journal page).</extracomment>
        <translation>Rechercher une subvention (intitulé, financeur, statut…)</translation>
    </message>
    <message numerus="yes">
        <source>%n grant(s)</source>
        <translation>
            <numerusform>%n subvention</numerusform>
            <numerusform>%n subventions</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>No grant yet. Record a grant when it is requested, then follow it.</source>
        <translation>Aucune subvention pour l&apos;instant. Enregistrez une subvention dès sa demande, puis suivez-la.</translation>
    </message>
    <message>
        <source>Add the first grant…</source>
        <translation>Ajouter la première subvention…</translation>
    </message>
    <message>
        <source>Every change made to this grant, in the change log</source>
        <translation>Toutes les modifications de cette subvention, dans le journal</translation>
    </message>
    <message>
        <source>Search a funder</source>
        <translation>Rechercher un financeur</translation>
    </message>
    <message numerus="yes">
        <source>%n funder(s)</source>
        <translation>
            <numerusform>%n financeur</numerusform>
            <numerusform>%n financeurs</numerusform>
        </translation>
    </message>
    <message>
        <source>A&amp;dd…</source>
        <translation>Aj&amp;outer…</translation>
    </message>
    <message>
        <source>E&amp;dit…</source>
        <translation>Mo&amp;difier…</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>Supp&amp;rimer</translation>
    </message>
    <message>
        <source>No funder yet: the Region, the State, a foundation… each grant has one.</source>
        <translation>Aucun financeur pour l&apos;instant : la Région, l&apos;État, une fondation… chaque subvention en a un.</translation>
    </message>
    <message>
        <source>Add the first funder…</source>
        <translation>Ajouter le premier financeur…</translation>
    </message>
    <message>
        <source>&amp;Grants</source>
        <translation>S&amp;ubventions</translation>
    </message>
    <message>
        <source>&amp;Funders</source>
        <translation>&amp;Financeurs</translation>
    </message>
    <message>
        <source>Delete the grant “%1”? You can undo it with Ctrl+Z.</source>
        <translation>Supprimer la subvention « %1 » ? Vous pourrez l&apos;annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete a grant</source>
        <translation>Supprimer une subvention</translation>
    </message>
    <message>
        <source>Delete the funder “%1”? You can undo it with Ctrl+Z.</source>
        <translation>Supprimer le financeur « %1 » ? Vous pourrez l&apos;annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete a funder</source>
        <translation>Supprimer un financeur</translation>
    </message>
</context>
<context>
    <name>GrantActions</name>
    <message>
        <source>Add funder “%1”</source>
        <translation>Ajouter le financeur « %1 »</translation>
    </message>
    <message>
        <source>Edit funder “%1”</source>
        <translation>Modifier le financeur « %1 »</translation>
    </message>
    <message>
        <source>Delete funder “%1”</source>
        <translation>Supprimer le financeur « %1 »</translation>
    </message>
    <message>
        <source>Add grant “%1”</source>
        <translation>Ajouter la subvention « %1 »</translation>
    </message>
    <message>
        <source>Edit grant “%1”</source>
        <translation>Modifier la subvention « %1 »</translation>
    </message>
    <message>
        <source>Delete grant “%1”</source>
        <translation>Supprimer la subvention « %1 »</translation>
    </message>
    <message>
        <source>Change the status of “%1”</source>
        <translation>Changer le statut de « %1 »</translation>
    </message>
    <message>
        <source>Forecast budget of “%1”</source>
        <translation>Budget prévisionnel de « %1 »</translation>
    </message>
    <message>
        <source>Redistribution plan of “%1”</source>
        <translation>Plan de reversement de « %1 »</translation>
    </message>
    <message>
        <source>Report texts of “%1”</source>
        <translation>Compte rendu de « %1 »</translation>
    </message>
    <message>
        <source>Report sheet 1 of “%1”</source>
        <translation>Feuillet 1 du compte rendu de « %1 »</translation>
    </message>
    <message>
        <source>Instalment of “%1”</source>
        <translation>Versement de « %1 »</translation>
    </message>
    <message>
        <source>Change an instalment</source>
        <translation>Modifier un versement</translation>
    </message>
    <message>
        <source>Delete an instalment</source>
        <translation>Supprimer un versement</translation>
    </message>
    <message>
        <source>Redistribution of “%1”</source>
        <translation>Reversement de « %1 »</translation>
    </message>
    <message>
        <source>Change a redistribution</source>
        <translation>Modifier un reversement</translation>
    </message>
    <message>
        <source>Delete a redistribution</source>
        <translation>Supprimer un reversement</translation>
    </message>
    <message>
        <source>Pass on “%1” by its plan</source>
        <translation>Reverser « %1 » selon le plan</translation>
    </message>
</context>
<context>
    <name>GrantDialog</name>
    <message>
        <source>In kind</source>
        <translation>En nature</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Numéraire</translation>
    </message>
    <message>
        <source>New grant</source>
        <translation>Nouvelle subvention</translation>
    </message>
    <message>
        <source>Grant “%1”</source>
        <translation>Subvention « %1 »</translation>
    </message>
    <message>
        <source>The grant</source>
        <translation>La subvention</translation>
    </message>
    <message>
        <source>&amp;Funder</source>
        <translation>&amp;Financeur</translation>
    </message>
    <message>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <source>New funder…</source>
        <translation>Nouveau financeur…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Intitulé</translation>
    </message>
    <message>
        <source>(no project)</source>
        <translation>(aucun projet)</translation>
    </message>
    <message>
        <source>&amp;Project or action</source>
        <translation>&amp;Projet ou action</translation>
    </message>
    <message>
        <source>Project or action</source>
        <translation>Projet ou action</translation>
    </message>
    <message>
        <source>&amp;Nature</source>
        <translation>&amp;Nature</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Paid in several instalments</source>
        <translation>Versée en plusieurs fois</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Versement</translation>
    </message>
    <message>
        <source>Amounts and status</source>
        <translation>Montants et statut</translation>
    </message>
    <message>
        <source>Amount &amp;requested</source>
        <translation>Montant &amp;demandé</translation>
    </message>
    <message>
        <source>Amount requested</source>
        <translation>Montant demandé</translation>
    </message>
    <message>
        <source>Amount &amp;voted</source>
        <translation>Montant &amp;voté</translation>
    </message>
    <message>
        <source>Amount voted</source>
        <translation>Montant voté</translation>
    </message>
    <message>
        <source>Amount to re&amp;pay to the funder</source>
        <translation>Montant à &amp;rembourser au financeur</translation>
    </message>
    <message>
        <source>Amount to repay to the funder</source>
        <translation>Montant à rembourser au financeur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Statut</translation>
    </message>
    <message>
        <source>Change the status from the box above the grant&apos;s tabs.</source>
        <translation>Le statut se change dans la liste au-dessus des onglets de la subvention.</translation>
    </message>
    <message>
        <source>Decision and convention</source>
        <translation>Décision et convention</translation>
    </message>
    <message>
        <source>&amp;Decision reference</source>
        <translation>Référence de la déc&amp;ision</translation>
    </message>
    <message>
        <source>Decision reference</source>
        <translation>Référence de la décision</translation>
    </message>
    <message>
        <source>D&amp;ecision date</source>
        <translation>Date de la d&amp;écision</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Date de la décision</translation>
    </message>
    <message>
        <source>&amp;Convention reference</source>
        <translation>Référence de la &amp;convention</translation>
    </message>
    <message>
        <source>Convention reference</source>
        <translation>Référence de la convention</translation>
    </message>
    <message>
        <source>Con&amp;vention date</source>
        <translation>Date de la con&amp;vention</translation>
    </message>
    <message>
        <source>Convention date</source>
        <translation>Date de la convention</translation>
    </message>
    <message>
        <source>Period and report</source>
        <translation>Période et compte rendu</translation>
    </message>
    <message>
        <source>Period &amp;from</source>
        <translation>Période &amp;du</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Période du</translation>
    </message>
    <message>
        <source>Period &amp;to</source>
        <translation>Période a&amp;u</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Période au</translation>
    </message>
    <message>
        <source>Report &amp;due on</source>
        <translation>Compte rendu &amp;attendu le</translation>
    </message>
    <message>
        <source>Report due on</source>
        <translation>Compte rendu attendu le</translation>
    </message>
</context>
<context>
    <name>GrantEditor</name>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>flat rate of %1 of the direct costs</source>
        <translation>forfait de %1 des charges directes</translation>
    </message>
    <message>
        <source>key “%1”</source>
        <translation>clé « %1 »</translation>
    </message>
    <message>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <source>Project or action</source>
        <translation>Projet ou action</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Versement</translation>
    </message>
    <message>
        <source>in several instalments</source>
        <translation>en plusieurs fois</translation>
    </message>
    <message>
        <source>single</source>
        <translation>en une fois</translation>
    </message>
    <message>
        <source>Amount requested</source>
        <translation>Montant demandé</translation>
    </message>
    <message>
        <source>Amount voted</source>
        <translation>Montant voté</translation>
    </message>
    <message>
        <source>Amount to repay</source>
        <translation>Montant à rembourser</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Convention</source>
        <translation>Convention</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Report due on</source>
        <translation>Compte rendu attendu le</translation>
    </message>
    <message>
        <source>Overhead rule</source>
        <translation>Charges indirectes</translation>
    </message>
    <message>
        <source>Coordination share</source>
        <translation>Part de coordination</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Passed on</source>
        <translation>Reversé</translation>
    </message>
    <message>
        <source>Kept for coordination</source>
        <translation>Conservé pour la coordination</translation>
    </message>
    <message>
        <source>Not covered by the plan</source>
        <translation>Hors plan</translation>
    </message>
    <message>
        <source>Reste à reverser</source>
        <translation>Reste à reverser</translation>
    </message>
    <message>
        <source>Appl&amp;y</source>
        <translation>Appli&amp;quer</translation>
    </message>
    <message>
        <source>Edit the &amp;grant…</source>
        <translation>Modifier la &amp;subvention…</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatut</translation>
    </message>
    <message>
        <source>Grant fields</source>
        <translation>Champs de la subvention</translation>
    </message>
    <message>
        <source>General</source>
        <extracomment>the default date the money tabs offer (the page sets it to a day of its year)</extracomment>
        <translation>Général</translation>
    </message>
    <message>
        <source>The grant&apos;s fields</source>
        <translation>Les champs de la subvention</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Forecast budget</source>
        <translation>Budget prévisionnel</translation>
    </message>
    <message>
        <source>Overheads</source>
        <translation>Frais indirects</translation>
    </message>
    <message>
        <source>Indirect charges</source>
        <translation>Charges indirectes</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Redistribution plan</source>
        <translation>Plan de reversement</translation>
    </message>
    <message>
        <source>Instalments</source>
        <translation>Versements</translation>
    </message>
    <message>
        <source>Instalments received from the funder</source>
        <translation>Versements reçus du financeur</translation>
    </message>
    <message>
        <source>Redistributions</source>
        <translation>Reversements</translation>
    </message>
    <message>
        <source>Amounts passed on to members</source>
        <translation>Sommes reversées aux membres</translation>
    </message>
    <message>
        <source>Per member</source>
        <translation>Par membre</translation>
    </message>
    <message>
        <source>Each member&apos;s due, passed on and remaining amounts</source>
        <translation>Pour chaque membre : dû, reversé et reste à reverser</translation>
    </message>
    <message>
        <source>Sheet 1</source>
        <translation>Feuillet 1</translation>
    </message>
    <message>
        <source>Report (sheet 1): objectives and indicators, beneficiaries, dates and places</source>
        <translation>Compte rendu (feuillet 1) : objectifs et indicateurs, bénéficiaires, dates et lieux</translation>
    </message>
    <message>
        <source>Cerfa</source>
        <translation>Cerfa</translation>
    </message>
    <message>
        <source>Report (Cerfa)</source>
        <translation>Compte rendu (Cerfa)</translation>
    </message>
    <message>
        <source>Select a grant to see its detail.</source>
        <translation>Sélectionnez une subvention pour voir son détail.</translation>
    </message>
    <message>
        <source>Reste à reverser: %1</source>
        <translation>Reste à reverser : %1</translation>
    </message>
    <message>
        <source>The money received suggests “%1”.</source>
        <translation>Les versements reçus suggèrent « %1 ».</translation>
    </message>
    <message>
        <source>&amp;No indirect charges</source>
        <translation>&amp;Pas de charges indirectes</translation>
    </message>
    <message>
        <source>&amp;Flat rate of the direct costs</source>
        <translation>&amp;Forfait en pourcentage des charges directes</translation>
    </message>
    <message>
        <source>A &amp;key on physical units (m², hours, FTE)</source>
        <translation>Une &amp;clé sur des unités physiques (m², heures, ETP)</translation>
    </message>
    <message>
        <source>Flat rate</source>
        <translation>Taux forfaitaire</translation>
    </message>
    <message>
        <source>Overhead key</source>
        <translation>Clé des charges indirectes</translation>
    </message>
    <message>
        <source>Overhead note</source>
        <translation>Note sur les charges indirectes</translation>
    </message>
    <message>
        <source>How the indirect charges are computed, in words (printed in the Cerfa annex).</source>
        <translation>Comment les charges indirectes sont calculées, en toutes lettres (imprimé dans l&apos;annexe du Cerfa).</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>&amp;Rate (%)</source>
        <translation>&amp;Taux (%)</translation>
    </message>
    <message>
        <source>&amp;Key</source>
        <translation>&amp;Clé</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>(choose a key)</source>
        <translation>(choisir une clé)</translation>
    </message>
    <message>
        <source>Overhead rule of “%1”</source>
        <translation>Charges indirectes de « %1 »</translation>
    </message>
    <message>
        <source>Qualitative review of the action</source>
        <translation>Bilan qualitatif de l&apos;action</translation>
    </message>
    <message>
        <source>Beneficiaries (number, profile)</source>
        <translation>Public bénéficiaire (nombre, caractéristiques)</translation>
    </message>
    <message>
        <source>Dates and places of the action</source>
        <translation>Dates et lieux de réalisation de l&apos;action</translation>
    </message>
    <message>
        <source>Gaps between forecast and actual, and why</source>
        <translation>Écarts entre le prévisionnel et le réalisé, et leurs raisons</translation>
    </message>
    <message>
        <source>In-kind contributions (comment)</source>
        <translation>Contributions volontaires en nature (commentaire)</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Remarques</translation>
    </message>
</context>
<context>
    <name>GrantSheet</name>
    <message>
        <source>Remove the row</source>
        <translation>Supprimer la ligne</translation>
    </message>
    <message>
        <source>What the action set out to achieve.</source>
        <translation>Ce que l&apos;action visait à atteindre.</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Obtenu</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <source>Add an &amp;indicator</source>
        <translation>Ajouter un &amp;indicateur</translation>
    </message>
    <message>
        <source>e.g. 180</source>
        <translation>ex. 180</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Beneficiaries by public</source>
        <translation>Bénéficiaires par public</translation>
    </message>
    <message>
        <source>Add a p&amp;ublic</source>
        <translation>Ajouter un p&amp;ublic</translation>
    </message>
    <message>
        <source>e.g. 1 July 2025 to 30 June 2026, workshops every Tuesday</source>
        <translation>ex. du 1er juillet 2025 au 30 juin 2026, ateliers chaque mardi</translation>
    </message>
    <message>
        <source>Sheet 1 of the Cerfa 15059. What is left empty is filled from the action&apos;s events of the period when the report is built, or left out.</source>
        <translation>Feuillet 1 du Cerfa 15059. Ce qui reste vide est rempli à partir des événements de l&apos;action sur la période lors de la production du compte rendu, ou omis.</translation>
    </message>
    <message>
        <source>&amp;Objectives</source>
        <translation>&amp;Objectifs</translation>
    </message>
    <message>
        <source>&amp;Beneficiaries (number)</source>
        <translation>&amp;Bénéficiaires (nombre)</translation>
    </message>
    <message>
        <source>By public</source>
        <translation>Par public</translation>
    </message>
    <message>
        <source>&amp;Dates</source>
        <translation>&amp;Dates</translation>
    </message>
    <message>
        <source>P&amp;laces</source>
        <translation>&amp;Lieux</translation>
    </message>
</context>
<context>
    <name>GrantTabs</name>
    <message>
        <source>Re&amp;vert</source>
        <translation>Ré&amp;tablir</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>enregistré</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Cerfa row</source>
        <translation>Ligne du Cerfa</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prévision</translation>
    </message>
    <message>
        <source>Forecast budget</source>
        <translation>Budget prévisionnel</translation>
    </message>
    <message>
        <source>Total charges %1 · total income %2 · difference %3</source>
        <translation>Total des charges %1 · total des produits %2 · écart %3</translation>
    </message>
    <message>
        <source>in kind %1 / %2</source>
        <translation>en nature %1 / %2</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>non enregistré</translation>
    </message>
    <message>
        <source>Member to add to the plan</source>
        <translation>Membre à ajouter au plan</translation>
    </message>
    <message>
        <source>&amp;Add to the plan</source>
        <translation>&amp;Ajouter au plan</translation>
    </message>
    <message>
        <source>&amp;Remove from the plan</source>
        <translation>&amp;Retirer du plan</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Fixed amount</source>
        <translation>Montant fixe</translation>
    </message>
    <message>
        <source>or share (%)</source>
        <translation>ou part (%)</translation>
    </message>
    <message>
        <source>Redistribution plan</source>
        <translation>Plan de reversement</translation>
    </message>
    <message>
        <source>Coordination share</source>
        <translation>Part de coordination</translation>
    </message>
    <message>
        <source>Fixed amounts %1 · </source>
        <translation>Montants fixes %1 · </translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>&amp;Coordination share (%)</source>
        <translation>Part de &amp;coordination (%)</translation>
    </message>
    <message>
        <source>Kept by the pole for the coordination, out of what is received.</source>
        <translation>Conservée par le pôle pour la coordination, sur ce qui est reçu.</translation>
    </message>
    <message>
        <source>Shares %1 + coordination %2 = %3 of what is received</source>
        <translation>Parts %1 + coordination %2 = %3 de ce qui est reçu</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message numerus="yes">
        <source>%n instalment(s)</source>
        <translation>
            <numerusform>%n versement</numerusform>
            <numerusform>%n versements</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the instalment of %1 received on %2?</source>
        <translation>Supprimer le versement de %1 reçu le %2 ?</translation>
    </message>
    <message>
        <source>Delete an instalment</source>
        <translation>Supprimer un versement</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Fondement</translation>
    </message>
    <message numerus="yes">
        <source>%n redistribution(s)</source>
        <translation>
            <numerusform>%n reversement</numerusform>
            <numerusform>%n reversements</numerusform>
        </translation>
    </message>
    <message>
        <source>Pass on by the &amp;plan…</source>
        <translation>Reverser selon le &amp;plan…</translation>
    </message>
    <message>
        <source>Delete the %1 passed on to “%2” on %3?</source>
        <translation>Supprimer les %1 reversés à « %2 » le %3 ?</translation>
    </message>
    <message>
        <source>Delete a redistribution</source>
        <translation>Supprimer un reversement</translation>
    </message>
    <message>
        <source>outside the plan</source>
        <translation>hors plan</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Dû</translation>
    </message>
    <message>
        <source>Passed on</source>
        <translation>Reversé</translation>
    </message>
    <message>
        <source>Reste à reverser</source>
        <translation>Reste à reverser</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n membre</numerusform>
            <numerusform>%n membres</numerusform>
        </translation>
    </message>
    <message>
        <source>Due, passed on and remaining</source>
        <translation>Dû, reversé et reste à reverser</translation>
    </message>
    <message>
        <source>Received %1 · kept for coordination %2 · not covered by the plan %3 · passed on %4 · reste à reverser %5</source>
        <translation>Reçu %1 · conservé pour la coordination %2 · hors plan %3 · reversé %4 · reste à reverser %5</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>PTCE Desktop — Guide</source>
        <translation>PTCE Desktop — Guide</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Sommaire</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Fermer</translation>
    </message>
</context>
<context>
    <name>HistoryButton</name>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historique…</translation>
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <source>Open a pole file for writing to import into it.</source>
        <translation>Ouvrez un fichier de pôle en écriture pour y importer.</translation>
    </message>
    <message>
        <source>Imported from “%1”: %2</source>
        <translation>Importé depuis « %1 » : %2</translation>
    </message>
</context>
<context>
    <name>ImportButton</name>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Import rows from a CSV, Excel or LibreOffice file</source>
        <translation>Importer des lignes d&apos;un fichier CSV, Excel ou LibreOffice</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Vérification de chaque ligne…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>Annulé : rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Import “%1”</source>
        <translation>Importer « %1 »</translation>
    </message>
</context>
<context>
    <name>InKindDialog</name>
    <message>
        <source>New in-kind contribution</source>
        <translation>Nouvelle contribution en nature</translation>
    </message>
    <message>
        <source>In-kind contribution “%1”</source>
        <translation>Contribution en nature « %1 »</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Nature</translation>
    </message>
    <message>
        <source>Cerfa &amp;row</source>
        <translation>&amp;Ligne Cerfa</translation>
    </message>
    <message>
        <source>The row follows the kind unless you choose another.</source>
        <translation>La ligne suit la nature, sauf si vous en choisissez une autre.</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>Li&amp;bellé</translation>
    </message>
    <message>
        <source>&amp;Value</source>
        <translation>&amp;Valeur</translation>
    </message>
    <message>
        <source>&amp;Hours</source>
        <translation>&amp;Heures</translation>
    </message>
    <message>
        <source>For volunteering: the hours given.</source>
        <translation>Pour le bénévolat : les heures données.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>&amp;Member</source>
        <translation>&amp;Membre</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Projet</translation>
    </message>
    <message>
        <source>&amp;Grant</source>
        <translation>&amp;Subvention</translation>
    </message>
    <message>
        <source>Choose a row for this kind</source>
        <translation>Choisissez une ligne pour cette nature</translation>
    </message>
    <message>
        <source>By its kind: %1</source>
        <translation>Selon la nature : %1</translation>
    </message>
    <message>
        <source>Add in-kind contribution “%1”</source>
        <translation>Ajouter la contribution en nature « %1 »</translation>
    </message>
    <message>
        <source>Edit in-kind contribution “%1”</source>
        <translation>Modifier la contribution en nature « %1 »</translation>
    </message>
</context>
<context>
    <name>InKindPage</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Cerfa row</source>
        <translation>Ligne Cerfa</translation>
    </message>
    <message>
        <source>Row of uses (86) / row of resources (87)</source>
        <translation>Ligne d&apos;emplois (86) / ligne de ressources (87)</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Subvention</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Totals by Cerfa row</source>
        <translation>Totaux par ligne Cerfa</translation>
    </message>
    <message>
        <source>Uses (86)</source>
        <translation>Emplois (86)</translation>
    </message>
    <message>
        <source>Resources (87)</source>
        <translation>Ressources (87)</translation>
    </message>
    <message>
        <source>Total: %1 — %2 hours</source>
        <translation>Total : %1 — %2 heures</translation>
    </message>
    <message numerus="yes">
        <source>%n contribution(s)</source>
        <translation>
            <numerusform>%n contribution</numerusform>
            <numerusform>%n contributions</numerusform>
        </translation>
    </message>
    <message>
        <source>Search a contribution (label, member, project…)</source>
        <translation>Rechercher une contribution (libellé, membre, projet…)</translation>
    </message>
    <message>
        <source>Delete the contribution “%1”? You can undo it with Ctrl+Z.</source>
        <translation>Supprimer la contribution « %1 » ? Vous pourrez l&apos;annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete a contribution</source>
        <translation>Supprimer une contribution</translation>
    </message>
    <message>
        <source>Delete in-kind contribution “%1”</source>
        <translation>Supprimer la contribution en nature « %1 »</translation>
    </message>
</context>
<context>
    <name>InstalmentDialog</name>
    <message>
        <source>Instalment received</source>
        <translation>Versement reçu</translation>
    </message>
    <message>
        <source>Change an instalment</source>
        <translation>Modifier un versement</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Montant</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>&amp;Référence</translation>
    </message>
</context>
<context>
    <name>IntegrityBanner</name>
    <message>
        <source>Repair…</source>
        <translation>Réparer…</translation>
    </message>
    <message>
        <source>Restore the newest verified backup…</source>
        <translation>Restaurer la sauvegarde vérifiée la plus récente…</translation>
    </message>
    <message>
        <source>The check of this file found it damaged: nothing will be saved to it. Repair it (what can be read is kept, the original too) or restore its newest verified backup.</source>
        <translation>La vérification de ce fichier l&apos;a trouvé endommagé : rien n&apos;y sera enregistré. Réparez-le (ce qui peut être lu est conservé, l&apos;original aussi) ou restaurez sa sauvegarde vérifiée la plus récente.</translation>
    </message>
    <message>
        <source>No verified backup of this file was found.</source>
        <translation>Aucune sauvegarde vérifiée de ce fichier n&apos;a été trouvée.</translation>
    </message>
</context>
<context>
    <name>IssueCallsDialog</name>
    <message>
        <source>Member</source>
        <extracomment>The preview the user saw: (number of calls, total in cents); None without a preview. A call of its own for the pending exceptional lines (``quarter`` is None). (quarter, or None for the true-up) → the plan issuing would write (may raise PtceError).</extracomment>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) for %1</source>
        <translation>
            <numerusform>%n appel pour %1</numerusform>
            <numerusform>%n appels pour %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No member has anything to pay.</source>
        <translation>Aucun membre n&apos;a de montant à payer.</translation>
    </message>
    <message>
        <source>Exceptional calls %1</source>
        <translation>Appels exceptionnels %1</translation>
    </message>
    <message>
        <source>Year-end true-up %1</source>
        <translation>Régularisation de l&apos;exercice %1</translation>
    </message>
    <message>
        <source>Issue the calls of a quarter — %1</source>
        <translation>Émettre les appels du trimestre — %1</translation>
    </message>
    <message>
        <source>Each member is called its share of the exceptional lines marked « on a call of its own », each split once with its key.</source>
        <translation>Chaque membre est appelé de sa quote-part des lignes exceptionnelles marquées «&#xa0;sur un appel à part&#xa0;», chacune répartie une seule fois selon sa clé.</translation>
    </message>
    <message>
        <source>Each member is called, per service, its actual shares of the year&apos;s costs minus what the provisional calls asked; a negative line is a credit.</source>
        <translation>Chaque membre est appelé, par service, de ses quotes-parts réelles des charges de l&apos;exercice moins ce que les appels provisionnels ont demandé ; une ligne négative est un avoir.</translation>
    </message>
    <message>
        <source>Each member is called its share of a quarter of each service&apos;s budget for the year, split with the service&apos;s allocation key.</source>
        <translation>Chaque membre est appelé de sa quote-part du quart du budget annuel de chaque service, réparti selon la clé de répartition du service.</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <source>%1 (already issued)</source>
        <translation>%1 (déjà émis)</translation>
    </message>
    <message>
        <source>The calls of the four quarters are already issued.</source>
        <translation>Les appels des quatre trimestres sont déjà émis.</translation>
    </message>
    <message>
        <source>&amp;Quarter</source>
        <translation>&amp;Trimestre</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>Date d&apos;émission</translation>
    </message>
    <message>
        <source>&amp;Issue date</source>
        <translation>Date d&apos;é&amp;mission</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Date d&apos;échéance</translation>
    </message>
    <message>
        <source>&amp;Due date</source>
        <translation>Date d&apos;é&amp;chéance</translation>
    </message>
    <message>
        <source>Issuing calls cannot be undone: each call gets its number for good and is meant to be sent to the member. Undo (Ctrl+Z) will not remove them.</source>
        <translation>L&apos;émission des appels ne peut pas être annulée : chaque appel reçoit son numéro définitivement et sera envoyé au membre. Annuler (Ctrl+Z) ne les supprimera pas.</translation>
    </message>
    <message>
        <source>Preview of the calls</source>
        <translation>Aperçu des appels</translation>
    </message>
    <message>
        <source>exceptional calls %1</source>
        <translation>l&apos;exercice %1 (lignes exceptionnelles)</translation>
    </message>
    <message>
        <source>true-up %1</source>
        <translation>la régularisation %1</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <source>Totals of the figures declared for the year by the members active in it (entered with each member, on the Members page).</source>
        <translation>Totaux des chiffres déclarés pour l&apos;exercice par les membres actifs (saisis avec chaque membre, page Membres).</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>Membres actifs</translation>
    </message>
    <message>
        <source>Members who declared figures</source>
        <translation>Membres ayant déclaré leurs chiffres</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <source>Full-time equivalents (FTE)</source>
        <translation>Équivalents temps plein (ETP)</translation>
    </message>
    <message>
        <source>Jobs created</source>
        <translation>Emplois créés</translation>
    </message>
    <message>
        <source>Jobs maintained</source>
        <translation>Emplois maintenus</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Bénévoles</translation>
    </message>
    <message>
        <source>Declared turnover</source>
        <translation>Chiffre d&apos;affaires déclaré</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Opération</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>Avant → après</translation>
    </message>
    <message>
        <source>any</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>Search the actions…</source>
        <translation>Rechercher dans les actions…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtrer</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Older…</source>
        <translation>Plus ancien…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Change log</source>
        <translation>Journal des modifications</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) shown</source>
        <translation>
            <numerusform>%n modification affichée</numerusform>
            <numerusform>%n modifications affichées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n most recent change(s) shown</source>
        <translation>
            <numerusform>%n modification, la plus récente, affichée</numerusform>
            <numerusform>Les %n modifications les plus récentes affichées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyActions</name>
    <message>
        <source>Add key “%1”</source>
        <translation>Ajouter la clé « %1 »</translation>
    </message>
    <message>
        <source>Edit key “%1”</source>
        <translation>Modifier la clé « %1 »</translation>
    </message>
    <message>
        <source>Delete key “%1”</source>
        <translation>Supprimer la clé « %1 »</translation>
    </message>
    <message>
        <source>Add the version of %1 to “%2”</source>
        <translation>Ajouter la version du %1 à « %2 »</translation>
    </message>
    <message>
        <source>Edit the version of %1 of “%2”</source>
        <translation>Modifier la version du %1 de « %2 »</translation>
    </message>
    <message>
        <source>Delete the version of %1 of “%2”</source>
        <translation>Supprimer la version du %1 de « %2 »</translation>
    </message>
    <message>
        <source>Record usage of “%1” on %2</source>
        <translation>Saisir l&apos;utilisation de « %1 » le %2</translation>
    </message>
    <message>
        <source>Edit usage of “%1” on %2</source>
        <translation>Modifier l&apos;utilisation de « %1 » le %2</translation>
    </message>
    <message>
        <source>Delete usage of “%1” on %2</source>
        <translation>Supprimer l&apos;utilisation de « %1 » le %2</translation>
    </message>
</context>
<context>
    <name>KeyDetailPanel</name>
    <message>
        <source>Versions</source>
        <extracomment>The usage notes&apos; first width (the user sizes it): the members&apos; names take the rest.</extracomment>
        <translation>Versions</translation>
    </message>
    <message>
        <source>Versions of the key</source>
        <translation>Versions de la clé</translation>
    </message>
    <message>
        <source>Members of the version</source>
        <translation>Membres de la version</translation>
    </message>
    <message>
        <source>Keys combined</source>
        <translation>Clés combinées</translation>
    </message>
    <message>
        <source>Ne&amp;w…</source>
        <translation>No&amp;uveau…</translation>
    </message>
    <message>
        <source>Add a version</source>
        <translation>Ajouter une version</translation>
    </message>
    <message>
        <source>Chan&amp;ge…</source>
        <translation>Mod&amp;ifier…</translation>
    </message>
    <message>
        <source>Edit the version</source>
        <translation>Modifier la version</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>Su&amp;pprimer</translation>
    </message>
    <message>
        <source>Delete the version</source>
        <translation>Supprimer la version</translation>
    </message>
    <message>
        <source>Record usage</source>
        <translation>Saisir une utilisation</translation>
    </message>
    <message>
        <source>Edit the usage record</source>
        <translation>Modifier le relevé d&apos;utilisation</translation>
    </message>
    <message>
        <source>Delete the usage record</source>
        <translation>Supprimer le relevé d&apos;utilisation</translation>
    </message>
    <message>
        <source>Usage recorded</source>
        <translation>Utilisation relevée</translation>
    </message>
    <message>
        <source>Select a key to see its versions.</source>
        <translation>Sélectionnez une clé pour voir ses versions.</translation>
    </message>
    <message>
        <source>No version selected</source>
        <translation>Aucune version sélectionnée</translation>
    </message>
    <message>
        <source>Version of %1</source>
        <translation>Version du %1</translation>
    </message>
    <message>
        <source>Usage recorded in %1</source>
        <translation>Utilisation relevée en %1</translation>
    </message>
    <message>
        <source>Total: %1 · %2</source>
        <translation>Total : %1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n relevé</numerusform>
            <numerusform>%n relevés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <source>New allocation key</source>
        <translation>Nouvelle clé de répartition</translation>
    </message>
    <message>
        <source>Allocation key “%1”</source>
        <translation>Clé de répartition « %1 »</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>e.g. Floor area (m²)</source>
        <translation>par ex. Surface occupée (m²)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>A key with versions keeps its method.</source>
        <translation>Une clé qui a des versions garde sa méthode.</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>&amp;Méthode</translation>
    </message>
    <message>
        <source>m², FTE, h, km, seats…</source>
        <translation>m², ETP, h, km, postes…</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>&amp;Unité</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <source>Equal shares</source>
        <translation>Parts égales</translation>
    </message>
    <message>
        <source>Units per member</source>
        <translation>Unités</translation>
    </message>
    <message>
        <source>Recorded usage</source>
        <translation>Usage relevé</translation>
    </message>
    <message>
        <source>Fixed percentages</source>
        <translation>Pourcentages fixes</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>Mixte</translation>
    </message>
    <message>
        <source>Search a key (name, method, unit…)</source>
        <extracomment>&quot;journal:allocation_keys/&lt;id&gt;&quot;: the window shows the key&apos;s history (Journal page).</extracomment>
        <translation>Rechercher une clé (nom, méthode, unité…)</translation>
    </message>
    <message>
        <source>Search a key</source>
        <translation>Rechercher une clé</translation>
    </message>
    <message>
        <source>&amp;Add a key…</source>
        <translation>&amp;Ajouter une clé…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Allocation keys</source>
        <translation>Clés de répartition</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n clé</numerusform>
            <numerusform>%n clés</numerusform>
        </translation>
    </message>
    <message>
        <source>No allocation key yet. A key says how a service&apos;s costs are split.</source>
        <translation>Aucune clé de répartition pour l&apos;instant. Une clé dit comment se répartissent les charges d&apos;un service.</translation>
    </message>
    <message>
        <source>Create the first key…</source>
        <translation>Créer la première clé…</translation>
    </message>
    <message>
        <source>Every change made to this key, in the change log</source>
        <translation>Toutes les modifications de cette clé, dans le journal</translation>
    </message>
    <message>
        <source>%1 shown of %2</source>
        <translation>Affichage : %1 sur %2</translation>
    </message>
    <message>
        <source>Delete the key “%1” with its versions? You can undo it with Ctrl+Z.</source>
        <translation>Supprimer la clé « %1 » et ses versions ? Vous pourrez l&apos;annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete a key</source>
        <translation>Supprimer une clé</translation>
    </message>
    <message numerus="yes">
        <source>Shares of %n cost(s) recomputed.</source>
        <translation>
            <numerusform>Quote-parts de %n charge recalculées.</numerusform>
            <numerusform>Quote-parts de %n charges recalculées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cost(s) of closed fiscal years keep their shares.</source>
        <translation>
            <numerusform>%n charge d&apos;un exercice clos garde ses quotes-parts.</numerusform>
            <numerusform>%n charges d&apos;exercices clos gardent leurs quotes-parts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Version added.</source>
        <translation>Version ajoutée.</translation>
    </message>
    <message>
        <source>Version saved.</source>
        <translation>Version enregistrée.</translation>
    </message>
    <message>
        <source>Delete the version of %1? Costs it governed will be shared with the version in force before it. You can undo it with Ctrl+Z.</source>
        <translation>Supprimer la version du %1 ? Les charges qu&apos;elle répartissait le seront avec la version en vigueur avant elle. Vous pourrez l&apos;annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete a version</source>
        <translation>Supprimer une version</translation>
    </message>
    <message>
        <source>Version deleted.</source>
        <translation>Version supprimée.</translation>
    </message>
    <message>
        <source>Usage recorded; the shares of its period are recomputed.</source>
        <translation>Utilisation saisie ; les quotes-parts de sa période sont recalculées.</translation>
    </message>
    <message>
        <source>Usage saved; the shares of its period are recomputed.</source>
        <translation>Utilisation enregistrée ; les quotes-parts de sa période sont recalculées.</translation>
    </message>
    <message>
        <source>Delete the usage of “%1” on %2? You can undo it with Ctrl+Z.</source>
        <translation>Supprimer l&apos;utilisation de « %1 » du %2 ? Vous pourrez l&apos;annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete a usage record</source>
        <translation>Supprimer un relevé d&apos;utilisation</translation>
    </message>
    <message>
        <source>Usage deleted; the shares of its period are recomputed.</source>
        <translation>Utilisation supprimée ; les quotes-parts de sa période sont recalculées.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1 : %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>In force since</source>
        <translation>En vigueur depuis</translation>
    </message>
    <message>
        <source>Date of the version in force</source>
        <translation>Date de la version en vigueur</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Members taking part in the version in force (usage keys: members with usage recorded in the fiscal year; mixed keys: the keys combined)</source>
        <translation>Membres de la version en vigueur (clés d&apos;usage : membres ayant une utilisation relevée dans l&apos;exercice ; clés mixtes : clés combinées)</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>En vigueur</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valable à partir du</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>1 share</source>
        <extracomment>The share in the version&apos;s column of percentages (adds up to 100,00 %).</extracomment>
        <translation>1 part</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n membre</numerusform>
            <numerusform>%n membres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n share(s)</source>
        <translation>
            <numerusform>%n part</numerusform>
            <numerusform>%n parts</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: %1 · %2</source>
        <translation>Total : %1 · %2</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Quote-part</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>Pourcentage</translation>
    </message>
    <message>
        <source>Takes part</source>
        <translation>Participe</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Units (%1)</source>
        <translation>Unités (%1)</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Weight (%)</source>
        <translation>Poids (%)</translation>
    </message>
    <message>
        <source>Percentage (%)</source>
        <translation>Pourcentage (%)</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message numerus="yes">
        <source>Total of the %n row(s) shown</source>
        <extracomment>A paged list&apos;s search text changed: its page asks the service again.</extracomment>
        <translation>
            <numerusform>Total de %n ligne affichée</numerusform>
            <numerusform>Total des %n lignes affichées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown of %1</source>
        <translation>
            <numerusform>%n affiché sur %1</numerusform>
            <numerusform>%n affichés sur %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <extracomment>columns kept readable (``{column: letters}``, see :func:`readable_widths`) by the table&apos;s own fitting instead of :func:`fit_to_width`&apos;s common cap</extracomment>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>%1 shown of %2</source>
        <translation>Affichage : %1 sur %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New pole…</source>
        <extracomment>Once a file is open, the pages&apos; modules are imported in the background after this delay.</extracomment>
        <translation>&amp;Nouveau pôle…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>&amp;Explore the demo</source>
        <translation>&amp;Explorer la démo</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>&amp;Sauvegarder une copie…</translation>
    </message>
    <message>
        <source>&amp;Backups and restore…</source>
        <translation>Sauvegardes et &amp;restauration…</translation>
    </message>
    <message>
        <source>&amp;Check the database</source>
        <translation>&amp;Vérifier la base</translation>
    </message>
    <message>
        <source>&amp;Repair a damaged file…</source>
        <translation>&amp;Réparer un fichier endommagé…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>E&amp;xport the archive…</source>
        <translation>E&amp;xporter l&apos;archive…</translation>
    </message>
    <message>
        <source>Import an a&amp;rchive…</source>
        <translation>Importer une a&amp;rchive…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>A&amp;jouter…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>Re&amp;chercher</translation>
    </message>
    <message>
        <source>Show the &amp;navigation</source>
        <translation>Afficher la &amp;navigation</translation>
    </message>
    <message>
        <source>&amp;Help on this page</source>
        <translation>&amp;Aide sur cette page</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Guide</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About PTCE Desktop</source>
        <translation>À &amp;propos de PTCE Desktop</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>The file was opened read-only.</source>
        <translation>Le fichier est ouvert en lecture seule.</translation>
    </message>
    <message>
        <source>(read-only)</source>
        <translation>(lecture seule)</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Check which column of the file fills each field.</source>
        <translation>Vérifiez quelle colonne du fichier remplit chaque champ.</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Feuille</translation>
    </message>
    <message>
        <source>Reading cancelled.</source>
        <translation>Lecture annulée.</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(non importé)</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>colonne %1</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Columns ignored: %1</source>
        <translation>Colonnes ignorées : %1</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>New meeting</source>
        <translation>Nouvelle réunion</translation>
    </message>
    <message>
        <source>Meeting “%1”</source>
        <translation>Réunion « %1 »</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Intitulé</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>&amp;Governance body</source>
        <translation>I&amp;nstance</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Lieu</translation>
    </message>
    <message>
        <source>&amp;Attendees</source>
        <translation>&amp;Participants</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>No&amp;tes</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Add meeting “%1”</source>
        <translation>Ajouter la réunion « %1 »</translation>
    </message>
    <message>
        <source>Edit meeting “%1”</source>
        <translation>Modifier la réunion « %1 »</translation>
    </message>
</context>
<context>
    <name>MemberDetailPanel</name>
    <message>
        <source>Bank transfer</source>
        <extracomment>Link scheme of a cell of the shares table: ``share:&lt;service id&gt;:&lt;quarter, 0 = year&gt;``.</extracomment>
        <translation>Virement</translation>
    </message>
    <message>
        <source>Cheque</source>
        <translation>Chèque</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Direct debit</source>
        <translation>Prélèvement</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Compensation</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Not a member during this year</source>
        <translation>Non membre durant cet exercice</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Nom court</translation>
    </message>
    <message>
        <source>Legal form</source>
        <translation>Forme juridique</translation>
    </message>
    <message>
        <source>Intra-community VAT number</source>
        <translation>N° de TVA intracommunautaire</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Adhésion</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>College</source>
        <translation>Collège</translation>
    </message>
    <message>
        <source>Priority neighbourhood (QPV)</source>
        <translation>Quartier prioritaire (QPV)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>Figures %1</source>
        <translation>Chiffres %1</translation>
    </message>
    <message>
        <source>No figures declared for this year.</source>
        <translation>Aucun chiffre déclaré pour cet exercice.</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <source>FTE</source>
        <translation>ETP</translation>
    </message>
    <message>
        <source>Jobs created</source>
        <translation>Emplois créés</translation>
    </message>
    <message>
        <source>Jobs maintained</source>
        <translation>Emplois maintenus</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Bénévoles</translation>
    </message>
    <message>
        <source>Turnover</source>
        <translation>Chiffre d&apos;affaires</translation>
    </message>
    <message>
        <source>Shared services used</source>
        <translation>Services mutualisés utilisés</translation>
    </message>
    <message>
        <source>no cost yet</source>
        <translation>pas encore de charge</translation>
    </message>
    <message>
        <source>None this year.</source>
        <translation>Aucun sur cet exercice.</translation>
    </message>
    <message>
        <source>Shares by service and quarter</source>
        <translation>Quotes-parts par service et trimestre</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Total €</source>
        <translation>Total €</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Tous services</translation>
    </message>
    <message>
        <source>Click an amount to see its costs and how it was computed.</source>
        <translation>Cliquez sur un montant pour voir ses charges et son calcul.</translation>
    </message>
    <message>
        <source>No share this year.</source>
        <translation>Aucune quote-part sur cet exercice.</translation>
    </message>
    <message>
        <source>Calls for funds</source>
        <translation>Appels de fonds</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Émis le</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Réglé</translation>
    </message>
    <message>
        <source>No call this year.</source>
        <translation>Aucun appel de fonds sur cet exercice.</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Règlements</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>No payment this year.</source>
        <translation>Aucun règlement sur cet exercice.</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Called this year</source>
        <translation>Appelé sur l&apos;exercice</translation>
    </message>
    <message>
        <source>Paid this year</source>
        <translation>Réglé sur l&apos;exercice</translation>
    </message>
    <message>
        <source>Still due this year</source>
        <translation>Reste dû sur l&apos;exercice</translation>
    </message>
    <message>
        <source>Still due, all years</source>
        <translation>Reste dû, tous exercices</translation>
    </message>
    <message>
        <source>Select a member to see its year.</source>
        <translation>Sélectionnez un membre pour voir son exercice.</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>New member</source>
        <translation>Nouveau membre</translation>
    </message>
    <message>
        <source>Member “%1”</source>
        <translation>Membre « %1 »</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>S&amp;hort name</source>
        <translation>Nom &amp;court</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>C&amp;atégorie</translation>
    </message>
    <message>
        <source>&amp;Legal form</source>
        <translation>&amp;Forme juridique</translation>
    </message>
    <message>
        <source>e.g. association, SCOP, SCIC, SAS</source>
        <translation>ex. association, SCOP, SCIC, SAS</translation>
    </message>
    <message>
        <source>Filled from the SIRET when left empty.</source>
        <translation>Déduit du SIRET s&apos;il est laissé vide.</translation>
    </message>
    <message>
        <source>RNA (associations)</source>
        <translation>RNA (associations)</translation>
    </message>
    <message>
        <source>Intra-community &amp;VAT number</source>
        <translation>N° de &amp;TVA intracommunautaire</translation>
    </message>
    <message>
        <source>Printed on the calls for funds and credit notes that carry VAT. A French number holds the SIREN.</source>
        <translation>Imprimé sur les appels de fonds et les avoirs soumis à TVA. Un numéro français contient le SIREN.</translation>
    </message>
    <message>
        <source>Address and contact</source>
        <translation>Adresse et contact</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>A&amp;dresse</translation>
    </message>
    <message>
        <source>&amp;Postcode</source>
        <translation>Code &amp;postal</translation>
    </message>
    <message>
        <source>C&amp;ity</source>
        <translation>&amp;Ville</translation>
    </message>
    <message>
        <source>C&amp;ontact person</source>
        <translation>Pers&amp;onne à contacter</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Adhésion</translation>
    </message>
    <message>
        <source>&amp;Joined on</source>
        <translation>Date d&apos;ad&amp;hésion</translation>
    </message>
    <message>
        <source>Le&amp;ft on</source>
        <translation>Date de &amp;sortie</translation>
    </message>
    <message>
        <source>A member with a leaving date is archived.</source>
        <translation>Un membre qui a une date de sortie est archivé.</translation>
    </message>
    <message>
        <source>Co&amp;llege</source>
        <translation>Co&amp;llège</translation>
    </message>
    <message>
        <source>Located in a priority neighbourhood (QPV)</source>
        <translation>Situé en quartier prioritaire de la ville (QPV)</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Territoire</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Figures %1</source>
        <translation>Chiffres %1</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <source>FTE</source>
        <translation>ETP</translation>
    </message>
    <message>
        <source>Jobs created</source>
        <translation>Emplois créés</translation>
    </message>
    <message>
        <source>Jobs maintained</source>
        <translation>Emplois maintenus</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Bénévoles</translation>
    </message>
    <message>
        <source>Declared turnover</source>
        <translation>Chiffre d&apos;affaires déclaré</translation>
    </message>
    <message>
        <source>Add member “%1”</source>
        <translation>Ajouter le membre « %1 »</translation>
    </message>
    <message>
        <source>Edit member “%1”</source>
        <translation>Modifier le membre « %1 »</translation>
    </message>
</context>
<context>
    <name>MemberSharesDialog</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Amount split</source>
        <translation>Montant réparti</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Quote-part</translation>
    </message>
    <message>
        <source>Why this amount? — %1</source>
        <extracomment>the split basis of the shown costs by period start (dated VAT)</extracomment>
        <translation>Pourquoi ce montant ? — %1</translation>
    </message>
    <message>
        <source>Shares of %1</source>
        <translation>%1 — quotes-parts</translation>
    </message>
    <message>
        <source>Fiscal year %1</source>
        <translation>Exercice %1</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Service :</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Période :</translation>
    </message>
    <message>
        <source>Costs shared by the member</source>
        <translation>Charges partagées par le membre</translation>
    </message>
    <message>
        <source>amounts split excl. or incl. VAT by date</source>
        <translation>montants répartis HT ou TTC selon la date</translation>
    </message>
    <message>
        <source>amounts split excl. VAT</source>
        <translation>montants répartis HT</translation>
    </message>
    <message>
        <source>amounts split incl. VAT</source>
        <translation>montants répartis TTC</translation>
    </message>
    <message numerus="yes">
        <source>%n cost(s) in %1 (%2) · the member&apos;s shares: %3</source>
        <translation>
            <numerusform>%n charge en %1 (%2) · quotes-parts du membre : %3</numerusform>
            <numerusform>%n charges en %1 (%2) · quotes-parts du membre : %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Nom court</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Adhésion</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>College</source>
        <translation>Collège</translation>
    </message>
    <message>
        <source>FTE</source>
        <translation>ETP</translation>
    </message>
    <message>
        <source>Full-time equivalents declared for the year</source>
        <translation>Équivalents temps plein déclarés pour l&apos;exercice</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Not in this year</source>
        <translation>Hors exercice</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>Suppression impossible</translation>
    </message>
    <message>
        <source>&amp;Archive instead…</source>
        <translation>&amp;Archiver à la place…</translation>
    </message>
    <message>
        <source>Delete a member</source>
        <translation>Supprimer un membre</translation>
    </message>
    <message>
        <source>Delete “%1”? You can undo it with Ctrl+Z.</source>
        <translation>Supprimer « %1 » ? Vous pourrez annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Search (name, SIRET, college…)</source>
        <extracomment>&quot;journal:members/&lt;id&gt;&quot;: the window shows the member&apos;s history (Journal page).</extracomment>
        <translation>Rechercher (nom, SIRET, collège…)</translation>
    </message>
    <message>
        <source>Include &amp;archived</source>
        <translation>Inclure les &amp;archivés</translation>
    </message>
    <message>
        <source>Also list the archived members (who left the pole)</source>
        <translation>Afficher aussi les membres archivés (sortis du pôle)</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>A&amp;jouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Archi&amp;ve…</source>
        <translation>Archi&amp;ver…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>No member yet. Members are the organisations that share the costs.</source>
        <translation>Aucun membre pour l&apos;instant. Les membres sont les structures qui partagent les charges.</translation>
    </message>
    <message>
        <source>Add the first member…</source>
        <translation>Ajouter le premier membre…</translation>
    </message>
    <message>
        <source>&amp;Why this amount?</source>
        <translation>&amp;Pourquoi ce montant ?</translation>
    </message>
    <message>
        <source>The costs behind the member&apos;s shares of a service, and how each was split</source>
        <translation>Les charges derrière les parts du membre pour un service, et le calcul de chacune</translation>
    </message>
    <message>
        <source>Every change made to this member, in the change log</source>
        <translation>Chaque modification de ce membre, dans le journal des modifications</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n membre</numerusform>
            <numerusform>%n membres</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 shown of %2</source>
        <translation>Affichage : %1 sur %2</translation>
    </message>
    <message>
        <source>Archive “%1”</source>
        <translation>Archiver « %1 »</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>Supprimer « %1 »</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Key figures of the year, what is due and what needs attention.</source>
        <translation>Les chiffres clés de l&apos;exercice, ce qui est dû et ce qui demande votre attention.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>The register of member organisations, their figures and dates.</source>
        <translation>Le registre des structures membres, leurs effectifs et leurs dates.</translation>
    </message>
    <message>
        <source>Shared services</source>
        <translation>Services mutualisés</translation>
    </message>
    <message>
        <source>The pooled services, their budgets and who uses them.</source>
        <translation>Les services mis en commun, leurs budgets et les membres qui les utilisent.</translation>
    </message>
    <message>
        <source>Allocation keys</source>
        <translation>Clés de répartition</translation>
    </message>
    <message>
        <source>How each service&apos;s costs are split between members.</source>
        <translation>Comment les charges de chaque service sont réparties entre les membres.</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Charges</translation>
    </message>
    <message>
        <source>The expenses of the shared services and each member&apos;s share.</source>
        <translation>Les dépenses des services mutualisés et la quote-part de chaque membre.</translation>
    </message>
    <message>
        <source>Calls and payments</source>
        <translation>Appels de fonds et règlements</translation>
    </message>
    <message>
        <source>Calls for funds, true-ups, payments received and balances.</source>
        <translation>Appels de fonds, régularisations, règlements reçus et soldes.</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Financements</translation>
    </message>
    <message>
        <source>Funders, grants, instalments and redistributions to members.</source>
        <translation>Financeurs, subventions, versements reçus et reversements aux membres.</translation>
    </message>
    <message>
        <source>In-kind contributions</source>
        <translation>Contributions en nature</translation>
    </message>
    <message>
        <source>Volunteering, premises lent free of charge and gifts in kind.</source>
        <translation>Bénévolat, locaux mis à disposition gratuitement et dons en nature.</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Projects, governance bodies, meetings and events.</source>
        <translation>Projets, instances, réunions et événements.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <source>The documents funders ask for, as PDF.</source>
        <translation>Les documents demandés par les financeurs, en PDF.</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <source>What if? Compare allocation keys and budgets before the vote.</source>
        <translation>Et si… ? Comparer des clés de répartition et des budgets avant le vote.</translation>
    </message>
    <message>
        <source>Change log</source>
        <translation>Journal des modifications</translation>
    </message>
    <message>
        <source>Every change made to the file: when, what, before → after.</source>
        <translation>Chaque modification du fichier : quand, quoi, avant → après.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>The pole&apos;s identity, fiscal years, backups and preferences.</source>
        <translation>L&apos;identité du pôle, les exercices, les sauvegardes et les préférences.</translation>
    </message>
</context>
<context>
    <name>PageLoads</name>
    <message>
        <source>Loading…</source>
        <extracomment>A load shorter than this shows no « Chargement… » (no blinking on a small file).</extracomment>
        <translation>Chargement…</translation>
    </message>
</context>
<context>
    <name>PassOnDialog</name>
    <message>
        <source>Pass on according to the plan</source>
        <translation>Reverser selon le plan</translation>
    </message>
    <message>
        <source>Each member of the plan receives its whole reste à reverser:</source>
        <translation>Chaque membre du plan reçoit tout son reste à reverser :</translation>
    </message>
    <message>
        <source>Nothing is due to the members of the plan yet.</source>
        <translation>Rien n&apos;est encore dû aux membres du plan.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
</context>
<context>
    <name>PasteFilter</name>
    <message>
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <source>Not in this table, not pasted: %1</source>
        <translation>Absents de ce tableau, non collés : %1</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Bank transfer</source>
        <translation>Virement</translation>
    </message>
    <message>
        <source>Cheque</source>
        <translation>Chèque</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Direct debit</source>
        <translation>Prélèvement</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Compensation</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Reste dû</translation>
    </message>
    <message>
        <source>Amount to match</source>
        <translation>Montant affecté</translation>
    </message>
    <message>
        <source>New payment</source>
        <translation>Nouveau règlement</translation>
    </message>
    <message>
        <source>Payment of %1</source>
        <translation>Règlement de %1</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>&amp;Member</source>
        <translation>&amp;Membre</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>Mon&amp;tant</translation>
    </message>
    <message>
        <source>A refund to the member is a negative amount.</source>
        <translation>Un remboursement au membre est un montant négatif.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Mode de règlement</translation>
    </message>
    <message>
        <source>M&amp;ethod</source>
        <translation>Mode de &amp;règlement</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>e.g. cheque number, transfer label</source>
        <translation>par ex. numéro de chèque, libellé du virement</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>Ré&amp;férence</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Matching to calls</source>
        <translation>Affectation aux appels</translation>
    </message>
    <message>
        <source>A&amp;utomatic (oldest call first)</source>
        <translation>A&amp;utomatique (appel le plus ancien d&apos;abord)</translation>
    </message>
    <message>
        <source>&amp;By hand</source>
        <translation>À la ma&amp;in</translation>
    </message>
    <message>
        <source>Open calls of the member</source>
        <translation>Appels non soldés du membre</translation>
    </message>
    <message>
        <source>&amp;Fill oldest first</source>
        <translation>Re&amp;mplir par ancienneté</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>Affectation</translation>
    </message>
    <message>
        <source>Matched by hand: %1</source>
        <translation>Affecté à la main : %1</translation>
    </message>
    <message>
        <source>Matched by hand: %1 of %2</source>
        <translation>Affecté à la main : %1 sur %2</translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Affecté</translation>
    </message>
    <message>
        <source>Unmatched</source>
        <translation>Non affecté</translation>
    </message>
    <message>
        <source>What no call absorbs: a credit on the member&apos;s account</source>
        <translation>Ce qu&apos;aucun appel n&apos;absorbe : un avoir sur le compte du membre</translation>
    </message>
    <message>
        <source>Delete a payment</source>
        <translation>Supprimer un règlement</translation>
    </message>
    <message>
        <source>Search a payment (member, reference, method…)</source>
        <translation>Rechercher un règlement (membre, référence, mode…)</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s)</source>
        <translation>
            <numerusform>%n règlement</numerusform>
            <numerusform>%n règlements</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>This payment settles no call.</source>
        <translation>Ce règlement ne solde aucun appel.</translation>
    </message>
    <message>
        <source>Settles: %1</source>
        <translation>Affecté à : %1</translation>
    </message>
    <message>
        <source>Delete the payment of %1 from “%2” dated %3? You can undo it with Ctrl+Z.</source>
        <translation>Supprimer le règlement de %1 de « %2 » du %3 ? Vous pourrez l&apos;annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete a payment from “%1”</source>
        <translation>Supprimer un règlement de « %1 »</translation>
    </message>
    <message>
        <source>Record a payment from “%1”</source>
        <translation>Enregistrer un règlement de « %1 »</translation>
    </message>
    <message>
        <source>Edit a payment from “%1”</source>
        <translation>Modifier un règlement de « %1 »</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>Document preview</source>
        <extracomment>Pages are rendered for the printer at most at this resolution (dots per inch).</extracomment>
        <translation>Aperçu du document</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Pleine largeur</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>Page entière</translation>
    </message>
    <message>
        <source>Choose a document on the left, then click “Generate preview”.
The document appears here before you save or print it.</source>
        <translation>Choisissez un document à gauche, puis cliquez sur « Générer l&apos;aperçu ».
Le document s&apos;affiche ici avant que vous l&apos;enregistriez ou l&apos;imprimiez.</translation>
    </message>
    <message>
        <source>/ %1</source>
        <translation>/ %1</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>New cooperation project</source>
        <translation>Nouveau projet de coopération</translation>
    </message>
    <message>
        <source>Project “%1”</source>
        <translation>Projet « %1 »</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Statut</translation>
    </message>
    <message>
        <source>S&amp;tarts on</source>
        <translation>&amp;Début le</translation>
    </message>
    <message>
        <source>&amp;Ends on</source>
        <translation>&amp;Fin le</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>&amp;Lead member</source>
        <translation>Membre &amp;porteur</translation>
    </message>
    <message>
        <source>&amp;Partners</source>
        <translation>P&amp;artenaires</translation>
    </message>
    <message>
        <source>Tick the members taking part (Space ticks).</source>
        <translation>Cochez les membres qui y participent (Espace coche).</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>D&amp;escription</translation>
    </message>
    <message>
        <source>Add project “%1”</source>
        <translation>Ajouter le projet « %1 »</translation>
    </message>
    <message>
        <source>Edit project “%1”</source>
        <translation>Modifier le projet « %1 »</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <extracomment>Texts of Qt&apos;s own dialogs that ``qtbase_fr.qm`` lacks: Qt 6.12 added a shortcut marker to them (&quot;&amp;Look in:&quot;), the catalogue still has them without it. Listed under Qt&apos;s contexts so ``lupdate`` puts them in our catalogue, which is installed after Qt&apos;s and so asked first.</extracomment>
        <translation>&amp;Voir dans&#xa0;:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type&#xa0;:</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation>&amp;Jeu de pages&#xa0;:</translation>
    </message>
</context>
<context>
    <name>RedistributionDialog</name>
    <message>
        <source>More than the reste à reverser</source>
        <translation>Plus que le reste à reverser</translation>
    </message>
    <message>
        <source>Pass this amount on anyway?</source>
        <translation>Reverser ce montant malgré tout ?</translation>
    </message>
    <message>
        <source>Pass money on to a member</source>
        <translation>Reverser à un membre</translation>
    </message>
    <message>
        <source>Change a redistribution</source>
        <translation>Modifier un reversement</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>&amp;Member</source>
        <translation>M&amp;embre</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Montant</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Fondement</translation>
    </message>
    <message>
        <source>e.g. decision of the steering committee of 12/03</source>
        <translation>par ex. décision du comité de pilotage du 12/03</translation>
    </message>
    <message>
        <source>&amp;Basis</source>
        <translation>&amp;Fondement</translation>
    </message>
</context>
<context>
    <name>RepairActions</name>
    <message>
        <source>Repairing the file…</source>
        <translation>Réparation du fichier…</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <source>Document</source>
        <extracomment>The years or the choices were shown (the page updates its buttons).</extracomment>
        <translation>Document</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>Exercice</translation>
    </message>
    <message>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Subvention</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Call for funds</source>
        <translation>Appel de fonds</translation>
    </message>
    <message>
        <source>Shared service</source>
        <translation>Service mutualisé</translation>
    </message>
    <message>
        <source>Group rows only</source>
        <translation>Lignes de regroupement seulement</translation>
    </message>
    <message>
        <source>Print only the grey group rows of the Cerfa grid (60, 61, 62…), not their sub-lines.</source>
        <translation>N&apos;imprimer que les lignes grisées de regroupement de la grille Cerfa (60, 61, 62…), sans leurs sous-lignes.</translation>
    </message>
    <message>
        <source>Variant with the group rows &amp;only</source>
        <translation>Variante lignes de &amp;regroupement seulement</translation>
    </message>
    <message>
        <source>Fiscal &amp;year</source>
        <translation>E&amp;xercice</translation>
    </message>
    <message>
        <source>F&amp;under</source>
        <translation>Fina&amp;nceur</translation>
    </message>
    <message>
        <source>G&amp;rant</source>
        <translation>&amp;Subvention</translation>
    </message>
    <message>
        <source>&amp;Member</source>
        <translation>&amp;Membre</translation>
    </message>
    <message>
        <source>&amp;Call for funds</source>
        <translation>A&amp;ppel de fonds</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>Ser&amp;vice</translation>
    </message>
    <message>
        <source>All funders</source>
        <translation>Tous les financeurs</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Tous les services</translation>
    </message>
    <message>
        <source>The whole year (statement)</source>
        <translation>Tout l&apos;exercice (relevé)</translation>
    </message>
    <message>
        <source>No grant concerns this fiscal year: record one on the Funding page.</source>
        <translation>Aucune subvention ne concerne cet exercice : enregistrez-la d&apos;abord dans la page Financements.</translation>
    </message>
    <message>
        <source>No member in this fiscal year.</source>
        <translation>Aucun membre pour cet exercice.</translation>
    </message>
</context>
<context>
    <name>ReportTextsPanel</name>
    <message>
        <source>Editorial</source>
        <translation>Édito</translation>
    </message>
    <message>
        <source>Outlook</source>
        <translation>Perspectives</translation>
    </message>
    <message>
        <source>These texts open and close the activity report of the year.</source>
        <translation>Ces textes ouvrent et concluent le rapport d&apos;activité de l&apos;exercice.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>Enregistrer %1</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Edit the report text “%1” (%2)</source>
        <translation>Modifier le texte du rapport « %1 » (%2)</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>&amp;Generate preview</source>
        <extracomment>Tables whose change alters the choices offered (years, grants, members…).</extracomment>
        <translation>&amp;Générer l&apos;aperçu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Enregistrer so&amp;us…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>The data changed since this preview was generated.</source>
        <translation>Les données ont changé depuis cet aperçu : générez-le à nouveau pour en tenir compte.</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>Lecture des chiffres…</translation>
    </message>
    <message>
        <source>Laying out page %1…</source>
        <translation>Mise en page : page %1…</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n page(s).</source>
        <translation>
            <numerusform>%1 — %n page.</numerusform>
            <numerusform>%1 — %n pages.</numerusform>
        </translation>
    </message>
    <message>
        <source>The document could not be generated.</source>
        <translation>Le document n&apos;a pas pu être généré.</translation>
    </message>
    <message>
        <source>Generation cancelled.</source>
        <translation>Génération annulée.</translation>
    </message>
    <message>
        <source>Another document is chosen: generate its preview to see it.</source>
        <translation>Un autre document est choisi : générez son aperçu pour le voir.</translation>
    </message>
    <message>
        <source>Save the document</source>
        <translation>Enregistrer le document</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Enregistré dans %1.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Envoyé à l&apos;imprimante.</translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>L&apos;imprimante n&apos;a pas pu être ouverte.</translation>
    </message>
    <message>
        <source>Activity report</source>
        <translation>Rapport d&apos;activité</translation>
    </message>
    <message>
        <source>The year of the pole: members, jobs, services, projects, events, key figures.</source>
        <translation>L&apos;année du pôle : membres, emplois, services, projets, événements, chiffres clés.</translation>
    </message>
    <message>
        <source>Redistribution report</source>
        <translation>Rapport de redistribution</translation>
    </message>
    <message>
        <source>Per grant: received, passed on to each member, still to pass on; cost sharing.</source>
        <translation>Par subvention : reçu, reversé à chaque membre, reste à reverser ; répartition des charges.</translation>
    </message>
    <message>
        <source>Cost-sharing report</source>
        <translation>Rapport de répartition des charges</translation>
    </message>
    <message>
        <source>Keys, versions and units; each member&apos;s share per service and quarter.</source>
        <translation>Clés, versions et unités ; la quote-part de chaque membre par service et par trimestre.</translation>
    </message>
    <message>
        <source>Call for funds / statement</source>
        <translation>Appel de fonds / relevé</translation>
    </message>
    <message>
        <source>A member&apos;s calls, payments and balance for the year, or one call for funds.</source>
        <translation>Le relevé d&apos;un membre (appels, règlements, solde de l&apos;exercice) ou un appel de fonds.</translation>
    </message>
    <message>
        <source>Financial report (Cerfa 15059)</source>
        <translation>Compte rendu financier (Cerfa 15059)</translation>
    </message>
    <message>
        <source>The official financial report of a grant, row by row of the form.</source>
        <translation>Le compte rendu financier officiel d&apos;une subvention, ligne à ligne du formulaire.</translation>
    </message>
    <message>
        <source>Financial report + activity report</source>
        <translation>Compte rendu financier + rapport d&apos;activité</translation>
    </message>
    <message>
        <source>The Cerfa 15059 of a grant, then the activity report of its last year, in one PDF.</source>
        <translation>Le Cerfa 15059 d&apos;une subvention suivi du rapport d&apos;activité de sa dernière année, en un seul PDF.</translation>
    </message>
</context>
<context>
    <name>SecondFolderBox</name>
    <message>
        <source>Choose the second backup folder</source>
        <translation>Choisir le second dossier de sauvegarde</translation>
    </message>
    <message>
        <source>Second backup folder</source>
        <translation>Second dossier de sauvegarde</translation>
    </message>
    <message>
        <source>Each automatic or manual backup is also copied into this folder: choose a USB key or a synced folder, so that a lost or broken computer does not take the backups with it.</source>
        <translation>Chaque sauvegarde, automatique ou manuelle, est aussi copiée dans ce dossier : choisissez une clé USB ou un dossier synchronisé, pour qu&apos;un ordinateur perdu ou en panne n&apos;emporte pas les sauvegardes avec lui.</translation>
    </message>
    <message>
        <source>C&amp;hoose a folder…</source>
        <translation>C&amp;hoisir un dossier…</translation>
    </message>
    <message>
        <source>&amp;No second folder</source>
        <translation>&amp;Pas de second dossier</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>&amp;Vérifier à nouveau</translation>
    </message>
    <message>
        <source>No second folder: backups are kept beside the file only.</source>
        <translation>Pas de second dossier : les sauvegardes sont conservées à côté du fichier uniquement.</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Dossier : %1</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>Accessible</translation>
    </message>
    <message>
        <source>Not reachable</source>
        <translation>Inaccessible</translation>
    </message>
    <message>
        <source>no copy made there yet</source>
        <translation>aucune copie encore faite</translation>
    </message>
    <message>
        <source>last copy on %1 at %2</source>
        <translation>dernière copie le %1 à %2</translation>
    </message>
</context>
<context>
    <name>ServiceActions</name>
    <message>
        <source>Add service “%1”</source>
        <translation>Ajouter le service « %1 »</translation>
    </message>
    <message>
        <source>Edit service “%1”</source>
        <translation>Modifier le service « %1 »</translation>
    </message>
    <message>
        <source>Delete service “%1”</source>
        <translation>Supprimer le service « %1 »</translation>
    </message>
    <message>
        <source>Budget %1 of “%2”</source>
        <translation>Budget %1 de « %2 »</translation>
    </message>
    <message>
        <source>Remove the budget %1 of “%2”</source>
        <translation>Retirer le budget %1 de « %2 »</translation>
    </message>
</context>
<context>
    <name>ServiceDetailPanel</name>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Share of the key on the first day of the fiscal year</source>
        <translation>Part de la clé au premier jour de l&apos;exercice</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>Quotes-parts</translation>
    </message>
    <message>
        <source>Shares of the costs of the fiscal year</source>
        <translation>Quotes-parts des charges de l&apos;exercice</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>Exercice</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Budgets</translation>
    </message>
    <message>
        <source>Set the &amp;budget %1…</source>
        <translation>Fixer le &amp;budget %1…</translation>
    </message>
    <message>
        <source>Remove the budget %1</source>
        <translation>Retirer le budget %1</translation>
    </message>
    <message>
        <source>Users in %1</source>
        <translation>Utilisateurs en %1</translation>
    </message>
    <message>
        <source>Select a service to see its users.</source>
        <translation>Sélectionnez un service pour voir ses utilisateurs.</translation>
    </message>
    <message>
        <source>no allocation key yet</source>
        <translation>pas encore de clé de répartition</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Clé : %1</translation>
    </message>
    <message>
        <source>Carried by %1</source>
        <translation>Porté par %1</translation>
    </message>
    <message>
        <source>Active %1</source>
        <translation>Actif %1</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) · shares %1</source>
        <translation>
            <numerusform>%n membre · quotes-parts %1</numerusform>
            <numerusform>%n membres · quotes-parts %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>New shared service</source>
        <translation>Nouveau service mutualisé</translation>
    </message>
    <message>
        <source>Shared service “%1”</source>
        <translation>Service mutualisé « %1 »</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>VAT regime</source>
        <translation>Régime de TVA</translation>
    </message>
    <message>
        <source>VAT rate</source>
        <translation>Taux de TVA</translation>
    </message>
    <message>
        <source>Allocation key</source>
        <translation>Clé de répartition</translation>
    </message>
    <message>
        <source>Carrying member</source>
        <translation>Membre porteur</translation>
    </message>
    <message>
        <source>Active from</source>
        <translation>Actif à partir du</translation>
    </message>
    <message>
        <source>Active until</source>
        <translation>Actif jusqu&apos;au</translation>
    </message>
    <message>
        <source>Billing coefficient</source>
        <translation>Coefficient de facturation</translation>
    </message>
    <message>
        <source>Management fee</source>
        <translation>Frais de gestion</translation>
    </message>
    <message>
        <source>From</source>
        <translation>À partir du</translation>
    </message>
    <message>
        <source>the beginning</source>
        <translation>l&apos;origine</translation>
    </message>
    <message>
        <source>Coefficient</source>
        <translation>Coefficient</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>e.g. Shared premises</source>
        <translation>par ex. Locaux partagés</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>e.g. Premises, IT</source>
        <translation>par ex. Locaux, Informatique</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Catégorie</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>VAT and sharing</source>
        <translation>TVA et répartition</translation>
    </message>
    <message>
        <source>Exempt (CGI art. 261 B)</source>
        <translation>Exonéré (art. 261 B du CGI)</translation>
    </message>
    <message>
        <source>Subject to VAT</source>
        <translation>Soumis à la TVA</translation>
    </message>
    <message>
        <source>&amp;VAT regime</source>
        <translation>Régime de &amp;TVA</translation>
    </message>
    <message>
        <source>Exempt only if each member pays exactly its share of the costs.</source>
        <translation>Exonéré seulement si chaque membre paie exactement sa quote-part des charges.</translation>
    </message>
    <message>
        <source>VAT &amp;rate (%)</source>
        <translation>Tau&amp;x de TVA (%)</translation>
    </message>
    <message>
        <source>— no key yet —</source>
        <translation>— pas encore de clé —</translation>
    </message>
    <message>
        <source>New key…</source>
        <translation>Nouvelle clé…</translation>
    </message>
    <message>
        <source>Allocation &amp;key</source>
        <translation>&amp;Clé de répartition</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— aucun —</translation>
    </message>
    <message>
        <source>New member…</source>
        <translation>Nouveau membre…</translation>
    </message>
    <message>
        <source>Carr&amp;ying member</source>
        <translation>Membre &amp;porteur</translation>
    </message>
    <message>
        <source>The member who pays the suppliers for the pole.</source>
        <translation>Le membre qui paie les fournisseurs pour le pôle.</translation>
    </message>
    <message>
        <source>Active &amp;from</source>
        <translation>Actif à partir d&amp;u</translation>
    </message>
    <message>
        <source>Active &amp;until</source>
        <translation>Actif &amp;jusqu&apos;au</translation>
    </message>
    <message>
        <source>Coefficient and fee</source>
        <translation>Coefficient et frais</translation>
    </message>
    <message>
        <source>Fr&amp;om</source>
        <translation>À &amp;partir du</translation>
    </message>
    <message>
        <source>Empty: from the beginning. The board votes a new coefficient: give the first day it applies; the earlier terms keep their days (a closed year keeps its own).</source>
        <translation>Vide : depuis l&apos;origine. Le conseil vote un nouveau coefficient : indiquez le premier jour où il s&apos;applique ; les conditions antérieures gardent leurs jours (un exercice clôturé garde les siennes).</translation>
    </message>
    <message>
        <source>Coefficient and fee history</source>
        <translation>Historique du coefficient et des frais</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>e.g. 1.75 (empty: none)</source>
        <translation>par ex. 1,75 (vide&#xa0;: aucun)</translation>
    </message>
    <message>
        <source>Billing c&amp;oefficient</source>
        <translation>C&amp;oefficient de facturation</translation>
    </message>
    <message>
        <source>Applied to the budget (calls) and the costs (true-up) before the split; the surcharge prints as its own line.</source>
        <translation>Appliqué au budget (appels de fonds) et aux charges (régularisation) avant la répartition&#xa0;; la majoration est imprimée sur une ligne à part.</translation>
    </message>
    <message>
        <source>e.g. 6 (empty: none)</source>
        <translation>par ex. 6 (vide&#xa0;: aucun)</translation>
    </message>
    <message>
        <source>Management &amp;fee (%)</source>
        <translation>&amp;Frais de gestion (%)</translation>
    </message>
    <message>
        <source>Printed as « Frais de gestion », never as VAT.</source>
        <translation>Imprimés comme «&#xa0;Frais de gestion&#xa0;», jamais comme de la TVA.</translation>
    </message>
    <message>
        <source>Exempt service</source>
        <translation>Service exonéré</translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <source>Search a service (name, category, key, member…)</source>
        <extracomment>the column of the year&apos;s budget in service_columns() (name, category, VAT, budget…) the amounts&apos; columns (budget, costs, shared): never cut, never folded the list and the panel beside it the first time: the panel narrow enough for the list to show the name, VAT and key of a service beside its amounts at 1366 px letters of each text column kept when the list is narrowed (name, category, key, carrier) &quot;journal:shared_services/&lt;id&gt;&quot;: the window shows the service&apos;s history (Journal page).</extracomment>
        <translation>Rechercher un service (nom, catégorie, clé, membre…)</translation>
    </message>
    <message>
        <source>Search a service</source>
        <translation>Rechercher un service</translation>
    </message>
    <message>
        <source>&amp;Add a service…</source>
        <translation>&amp;Ajouter un service…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Shared services</source>
        <translation>Services mutualisés</translation>
    </message>
    <message>
        <source>No shared service yet: premises, accounting, staff… each with a budget.</source>
        <translation>Aucun service mutualisé pour l&apos;instant : locaux, comptabilité, salariés… chacun avec son budget.</translation>
    </message>
    <message>
        <source>Create the first service…</source>
        <translation>Créer le premier service…</translation>
    </message>
    <message>
        <source>Every change made to this service, in the change log</source>
        <translation>Toutes les modifications de ce service, dans le journal</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 shown of %2</source>
        <translation>Affichage : %1 sur %2</translation>
    </message>
    <message>
        <source>budgets %1 · shared %2</source>
        <translation>budgets %1 · réparti %2</translation>
    </message>
    <message numerus="yes">
        <source>Total of the %n service(s) shown</source>
        <translation>
            <numerusform>Total de %n service affiché</numerusform>
            <numerusform>Total des %n services affichés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Service saved; the shares of %n cost(s) were recomputed.</source>
        <translation>
            <numerusform>Service enregistré ; les quotes-parts de %n charge ont été recalculées.</numerusform>
            <numerusform>Service enregistré ; les quotes-parts de %n charges ont été recalculées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the service “%1” and its budgets? You can undo it with Ctrl+Z.</source>
        <translation>Supprimer le service « %1 » et ses budgets ? Vous pourrez l&apos;annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete a service</source>
        <translation>Supprimer un service</translation>
    </message>
    <message>
        <source>Remove the budget %1 of “%2”? You can undo it with Ctrl+Z.</source>
        <translation>Retirer le budget %1 de « %2 » ? Vous pourrez l&apos;annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Remove a budget</source>
        <translation>Retirer un budget</translation>
    </message>
    <message numerus="yes">
        <source>%n cost(s): %1 excl. VAT + %2 VAT = %3</source>
        <translation>
            <numerusform>%n charge : %1 HT + %2 TVA = %3 TTC</numerusform>
            <numerusform>%n charges : %1 HT + %2 TVA = %3 TTC</numerusform>
        </translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>depuis le %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>jusqu&apos;au %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Budget of the fiscal year shown</source>
        <translation>Budget de l&apos;exercice affiché</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Charges</translation>
    </message>
    <message>
        <source>Costs of the fiscal year shown, VAT included</source>
        <translation>Charges de l&apos;exercice affiché, TTC</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Réparti</translation>
    </message>
    <message>
        <source>Split between the members: VAT included for a service exempt under art. 261 B or when the pole is not VAT-registered, excluding VAT otherwise</source>
        <translation>Réparti entre les membres : TTC pour un service exonéré (art. 261 B) ou si le pôle n&apos;est pas assujetti à la TVA, HT sinon</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Carrying member</source>
        <translation>Membre porteur</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Exempt 261 B</source>
        <translation>Exonéré 261 B</translation>
    </message>
    <message>
        <source>VAT %1</source>
        <translation>TVA %1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Choose the pole&apos;s logo</source>
        <translation>Choisir le logo du pôle</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>The pole</source>
        <translation>Le pôle</translation>
    </message>
    <message>
        <source>Carrier and signatory</source>
        <translation>Structure porteuse et signataire</translation>
    </message>
    <message>
        <source>Fiscal years</source>
        <translation>Exercices</translation>
    </message>
    <message>
        <source>Accounting export</source>
        <translation>Export comptable</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>E-mails</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Territory</source>
        <translation>&amp;Territoire</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>A&amp;dresse</translation>
    </message>
    <message>
        <source>&amp;Postcode</source>
        <translation>Code &amp;postal</translation>
    </message>
    <message>
        <source>C&amp;ity</source>
        <translation>&amp;Ville</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>Télé&amp;phone</translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation>Site &amp;web</translation>
    </message>
    <message>
        <source>&amp;Fiscal year starts in</source>
        <translation>Début de l&apos;e&amp;xercice</translation>
    </message>
    <message>
        <source>Cannot change any more once costs, calls or payments exist.</source>
        <translation>Ne peut plus changer dès qu&apos;il existe des charges, appels de fonds ou règlements.</translation>
    </message>
    <message>
        <source>Carrying structure, bank and signatory</source>
        <translation>Structure porteuse, banque et signataire</translation>
    </message>
    <message>
        <source>RNA (association)</source>
        <translation>RNA (association)</translation>
    </message>
    <message>
        <source>VAT number</source>
        <translation>N° de TVA</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>The pole is VAT-registered (it recovers VAT)</source>
        <translation>Le pôle est assujetti à la TVA (il la récupère)</translation>
    </message>
    <message>
        <source>When it is not, costs are shared VAT included.</source>
        <translation>Sinon, les charges sont réparties TTC.</translation>
    </message>
    <message>
        <source>Printed on the calls for funds.</source>
        <translation>Imprimé sur les appels de fonds.</translation>
    </message>
    <message>
        <source>&amp;Legal representative</source>
        <translation>Représentant &amp;légal</translation>
    </message>
    <message>
        <source>e.g. President, Director</source>
        <translation>ex. Président·e, Directeur·rice</translation>
    </message>
    <message>
        <source>Their &amp;title</source>
        <translation>&amp;Qualité</translation>
    </message>
    <message>
        <source>Signs the Cerfa 15059 attestation.</source>
        <translation>Signe l&apos;attestation du Cerfa 15059.</translation>
    </message>
    <message>
        <source>Lea&amp;d member</source>
        <translation>Membre &amp;chef de file</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>&amp;Revert changes</source>
        <translation>&amp;Annuler les modifications</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>C&amp;hoose an image…</source>
        <translation>C&amp;hoisir une image…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Reti&amp;rer</translation>
    </message>
    <message>
        <source>PNG or JPEG, shown in the header of every document.</source>
        <translation>PNG ou JPEG, affiché dans l&apos;en-tête de chaque document.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Pas de logo</translation>
    </message>
    <message>
        <source>Edit the pole&apos;s identity</source>
        <translation>Modifier l&apos;identité du pôle</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>ShareExplanation</name>
    <message>
        <source>equal shares</source>
        <translation>parts égales</translation>
    </message>
    <message>
        <source>units per member</source>
        <translation>unités par membre</translation>
    </message>
    <message>
        <source>usage recorded in the period</source>
        <translation>utilisation relevée sur la période</translation>
    </message>
    <message>
        <source>fixed percentages</source>
        <translation>pourcentages fixes</translation>
    </message>
    <message>
        <source>mixed key</source>
        <translation>clé mixte</translation>
    </message>
    <message numerus="yes">
        <source>%n share(s)</source>
        <translation>
            <numerusform>%n part</numerusform>
            <numerusform>%n parts</numerusform>
        </translation>
    </message>
    <message>
        <source>excl. VAT</source>
        <translation>HT</translation>
    </message>
    <message>
        <source>incl. VAT</source>
        <translation>TTC</translation>
    </message>
    <message>
        <source>Cost “%1”: %2 %3 to split.</source>
        <translation>Charge « %1 » : %2 %3 à répartir.</translation>
    </message>
    <message>
        <source>Key “%1” (%2), version in force from %3.</source>
        <translation>Clé « %1 » (%2), version en vigueur depuis le %3.</translation>
    </message>
    <message>
        <source>• %1 weighs %2: %3 out of %4.</source>
        <translation>• %1 pèse %2 : %3 sur %4.</translation>
    </message>
    <message>
        <source>%1: %2 out of %3.</source>
        <translation>%1 : %2 sur %3.</translation>
    </message>
    <message>
        <source>Present %1 days of the %2 days of the period.</source>
        <translation>Présent %1 jours sur les %2 jours de la période.</translation>
    </message>
    <message>
        <source>Weight: %1 of the total.</source>
        <translation>Poids : %1 du total.</translation>
    </message>
    <message>
        <source>Exact share: %1 (%2 cents).</source>
        <translation>Part exacte : %1 (%2 centimes).</translation>
    </message>
    <message>
        <source>Rounded down to %1, plus one leftover cent (largest remainders first).</source>
        <translation>Arrondi à %1, plus un centime restant (plus grands restes d&apos;abord).</translation>
    </message>
    <message>
        <source>Rounded down to %1.</source>
        <translation>Arrondi à %1.</translation>
    </message>
    <message>
        <source>Share: %1</source>
        <translation>Quote-part : %1</translation>
    </message>
    <message>
        <source>The data behind this share changed since it was computed: computed today %1.</source>
        <translation>Les données de cette quote-part ont changé depuis son calcul : calculée aujourd&apos;hui, elle serait de %1.</translation>
    </message>
    <message>
        <source>Why this amount?</source>
        <translation>Pourquoi ce montant ?</translation>
    </message>
    <message>
        <source>Select a share to see how it was computed.</source>
        <translation>Sélectionnez une quote-part pour voir son calcul.</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Demo pole ready: %1</source>
        <extracomment>At the start, the quick check waits for the first page&apos;s data, at most this long. Tables whose change may add or close a fiscal year, or rename the pole. The pole&apos;s name (None: a file without a pole yet, for the welcome). Its fiscal years, most recent first (None without a pole). The outcome of :meth:`start`: True when a file is shown, False when nothing opened.</extracomment>
        <translation>Pôle de démonstration prêt : %1</translation>
    </message>
    <message>
        <source>Building the demo pole…</source>
        <translation>Construction du pôle de démonstration…</translation>
    </message>
    <message>
        <source>Copy saved: %1</source>
        <translation>Copie enregistrée : %1</translation>
    </message>
    <message>
        <source>Saving a copy…</source>
        <translation>Enregistrement de la copie…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>In a list</source>
        <translation>Dans une liste</translation>
    </message>
    <message>
        <source>Go into the list, or on to the next field</source>
        <translation>Aller dans la liste, ou au champ suivant</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Maj+Tab</translation>
    </message>
    <message>
        <source>Move within the list</source>
        <translation>Se déplacer dans la liste</translation>
    </message>
    <message>
        <source>Arrows, Page Up, Page Down, Home, End</source>
        <translation>Flèches, Page préc., Page suiv., Début, Fin</translation>
    </message>
    <message>
        <source>Open the selected row</source>
        <translation>Ouvrir la ligne choisie</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Delete the selected row</source>
        <translation>Supprimer la ligne choisie</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Suppr</translation>
    </message>
    <message>
        <source>Switch tabs</source>
        <translation>Changer d&apos;onglet</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
</context>
<context>
    <name>Simulation</name>
    <message>
        <source>Scenario %1</source>
        <translation>Scénario %1</translation>
    </message>
    <message>
        <source>Name of the scenario</source>
        <translation>Nom du scénario</translation>
    </message>
    <message>
        <source>equal</source>
        <translation>égal</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>Nouveau membre</translation>
    </message>
    <message>
        <source>units</source>
        <translation>unités</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>budget</translation>
    </message>
    <message>
        <source>fee %</source>
        <translation>frais %</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Adopt…</source>
        <translation>Adopter…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>from</source>
        <translation>dès le</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <source>Joins</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Leaves</source>
        <translation>Départ</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Inchangée</translation>
    </message>
    <message>
        <source>Equal shares</source>
        <translation>Parts égales</translation>
    </message>
    <message>
        <source>Mix: equal shares + a key</source>
        <translation>Mixte : parts égales + une clé</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Clé : %1</translation>
    </message>
    <message>
        <source>Nobody leaves</source>
        <translation>Aucun départ</translation>
    </message>
    <message>
        <source>%1 changed…</source>
        <translation>Modifications : %1…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Change members&apos; units…</source>
        <translation>Modifier les unités des membres…</translation>
    </message>
</context>
<context>
    <name>SimulationPage</name>
    <message>
        <source>Saved scenarios</source>
        <extracomment>The scenarios&apos; form takes at most this share of the page&apos;s height at first show. the weights of the year loaded, kept from one keystroke to the next</extracomment>
        <translation>Scénarios enregistrés</translation>
    </message>
    <message>
        <source>Scenarios saved with the pole</source>
        <translation>Les scénarios enregistrés avec le pôle</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Add a scenario</source>
        <translation>Ajouter un scénario</translation>
    </message>
    <message>
        <source>Export for the meeting…</source>
        <translation>Exporter pour la réunion…</translation>
    </message>
    <message>
        <source>Search a member</source>
        <translation>Chercher un membre</translation>
    </message>
    <message>
        <source>Comparison by member</source>
        <translation>Comparaison par membre</translation>
    </message>
    <message>
        <source>Choose at least one service to simulate.</source>
        <translation>Choisissez au moins un service à simuler.</translation>
    </message>
    <message>
        <source>%1: on the year&apos;s actual costs</source>
        <translation>%1 : sur les charges réelles de l&apos;exercice</translation>
    </message>
    <message>
        <source>%1: on the year&apos;s budgets</source>
        <translation>%1 : sur les budgets de l&apos;exercice</translation>
    </message>
    <message>
        <source>%1 (no key)</source>
        <translation>%1 (sans clé)</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>Service : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Scenario %1</source>
        <translation>Scénario %1</translation>
    </message>
    <message>
        <source>Difference %1</source>
        <translation>Écart %1</translation>
    </message>
    <message>
        <source>% %1</source>
        <translation>% %1</translation>
    </message>
    <message>
        <source>Differences — %1</source>
        <translation>Écarts — %1</translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation>Aujourd&apos;hui %1</translation>
    </message>
    <message>
        <source>%1 gains most (%2)</source>
        <translation>%1 gagne le plus (%2)</translation>
    </message>
    <message>
        <source>%1 loses most (%2)</source>
        <translation>%1 perd le plus (%2)</translation>
    </message>
    <message>
        <source>nobody pays a different amount</source>
        <translation>personne ne paie un montant différent</translation>
    </message>
    <message>
        <source>%1. %2: %3</source>
        <translation>%1. %2 : %3</translation>
    </message>
    <message>
        <source>Totals (each equals the amount split): %1</source>
        <translation>Totaux (chacun égal au montant réparti) : %1</translation>
    </message>
    <message>
        <source>No scenario yet.</source>
        <translation>Aucun scénario pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Every member pays the same as today.</source>
        <translation>Chaque membre paie la même chose qu&apos;aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>Scenario “%1” saved with the pole.</source>
        <translation>Scénario « %1 » enregistré avec le pôle.</translation>
    </message>
    <message>
        <source>Export for the meeting</source>
        <translation>Exporter pour la réunion</translation>
    </message>
    <message>
        <source>PDF document (*.pdf);;XLSX workbook (*.xlsx)</source>
        <translation>Document PDF (*.pdf);;Classeur XLSX (*.xlsx)</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Écrit : %1</translation>
    </message>
    <message>
        <source>Adopt scenario “%1”</source>
        <translation>Adopter le scénario « %1 »</translation>
    </message>
    <message>
        <source>Scenario “%1” adopted from %2 (Edit ▸ Undo puts everything back).</source>
        <translation>Scénario « %1 » adopté à partir du %2 (Édition ▸ Annuler remet tout comme avant).</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Bilan</translation>
    </message>
    <message>
        <source>Imported from “%1”: %2</source>
        <translation>Importé depuis « %1 » : %2</translation>
    </message>
    <message>
        <source>Edit ▸ Undo removes the whole import.</source>
        <translation>Édition ▸ Annuler retire tout l&apos;import.</translation>
    </message>
    <message>
        <source>%1 error(s): nothing was imported.</source>
        <translation>Erreurs : %1. Rien n&apos;a été importé.</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <source>Export the table</source>
        <translation>Exporter le tableau</translation>
    </message>
</context>
<context>
    <name>TableView</name>
    <message>
        <source>Show all columns</source>
        <extracomment>The name column never shrinks below this to make room for the others. Other text columns narrow down to this to bring the amounts into view. Text columns this narrow or less (numbers, dates, periods) are narrowed after the names. A remembered name width counts as the column&apos;s own up to this much (the rest was spare). Each other column&apos;s own width (fitted, or set by the user): what a column narrowed to make room gets back when the view widens again. columns the page lets go, in this order, when even narrowed they do not fit the view (no horizontal scroll bar): hidden while too narrow, back when there is room the narrowest a column may be made to bring the others into view (a page&apos;s readable width; default :data:`TEXT_MIN_WIDTH`): below it the foldable columns go first</extracomment>
        <translation>Afficher toutes les colonnes</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
</context>
<context>
    <name>UndoActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Undo “%1”</source>
        <translation>&amp;Annuler « %1 »</translation>
    </message>
    <message>
        <source>&amp;Redo “%1”</source>
        <translation>&amp;Rétablir « %1 »</translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <source>Members&apos; units in the scenario</source>
        <translation>Unités des membres dans le scénario</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>In the scenario</source>
        <translation>Dans le scénario</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>UsageDialog</name>
    <message>
        <source>Record usage of “%1”</source>
        <translation>Saisir une utilisation de « %1 »</translation>
    </message>
    <message>
        <source>Usage recorded for “%1”</source>
        <translation>Utilisation relevée pour « %1 »</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>New member…</source>
        <translation>Nouveau membre…</translation>
    </message>
    <message>
        <source>&amp;Member</source>
        <translation>&amp;Membre</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>units</source>
        <translation>unités</translation>
    </message>
    <message>
        <source>&amp;Quantity (%1)</source>
        <translation>&amp;Quantité (%1)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>N&amp;ote</translation>
    </message>
</context>
<context>
    <name>VersionDialog</name>
    <message>
        <source>New version of “%1”</source>
        <translation>Nouvelle version de « %1 »</translation>
    </message>
    <message>
        <source>Version of “%1”</source>
        <translation>Version de « %1 »</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valable à partir du</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>&amp;Valid from</source>
        <translation>&amp;Valable à partir du</translation>
    </message>
    <message>
        <source>Costs whose period starts on or after this day use it.</source>
        <translation>Les charges dont la période commence ce jour ou après l&apos;utilisent.</translation>
    </message>
    <message>
        <source>e.g. decision of the board of 12/03</source>
        <translation>par ex. décision du CA du 12/03</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <source>Every member present takes part (no list)</source>
        <translation>Tous les membres présents participent (sans liste)</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Total : %1</translation>
    </message>
    <message>
        <source>the percentages must add up to 100 %</source>
        <translation>les pourcentages doivent totaliser 100 %</translation>
    </message>
    <message>
        <source>Total of the weights: %1</source>
        <translation>Total des poids : %1</translation>
    </message>
    <message>
        <source>each part counts for its weight / total</source>
        <translation>chaque clé compte pour son poids / total</translation>
    </message>
    <message>
        <source>Every member present on each cost&apos;s period</source>
        <translation>Tous les membres présents sur la période de chaque charge</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) take part</source>
        <translation>
            <numerusform>%n membre participe</numerusform>
            <numerusform>%n membres participent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Open a PTCE Desktop file</source>
        <extracomment>What the documents print (SIRET, address, representative…); None when skipped.</extracomment>
        <translation>Ouvrir un fichier PTCE Desktop</translation>
    </message>
    <message>
        <source>PTCE Desktop files (*.sqlite3 *.db *.ptce);;All files (*)</source>
        <translation>Fichiers PTCE Desktop (*.sqlite3 *.db *.ptce);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Welcome to PTCE Desktop</source>
        <translation>Bienvenue dans PTCE Desktop</translation>
    </message>
    <message>
        <source>Keep your pole&apos;s members, shared services, cost sharing and grants in one file on this computer, and print the documents funders ask for.</source>
        <translation>Tenez les membres, les services mutualisés, la répartition des charges et les subventions de votre pôle dans un seul fichier sur cet ordinateur, et imprimez les documents demandés par les financeurs.</translation>
    </message>
    <message>
        <source>Create a pole</source>
        <translation>Créer un pôle</translation>
    </message>
    <message>
        <source>Start a new file for your pole; you will add members and services next.</source>
        <translation>Commencez un nouveau fichier pour votre pôle ; vous ajouterez ensuite membres et services.</translation>
    </message>
    <message>
        <source>Explore the demo</source>
        <translation>Explorer la démo</translation>
    </message>
    <message>
        <source>Open a sample pole with members, costs and grants to try everything.</source>
        <translation>Ouvrez un pôle d&apos;exemple, avec membres, charges et subventions, pour tout essayer.</translation>
    </message>
    <message>
        <source>Open a file…</source>
        <translation>Ouvrir un fichier…</translation>
    </message>
    <message>
        <source>Open a PTCE Desktop file saved elsewhere (a copy, a USB key…).</source>
        <translation>Ouvrez un fichier PTCE Desktop enregistré ailleurs (une copie, une clé USB…).</translation>
    </message>
    <message>
        <source>Your pole</source>
        <translation>Votre pôle</translation>
    </message>
    <message>
        <source>e.g. Pôle Sud</source>
        <translation>par exemple : Pôle Sud</translation>
    </message>
    <message>
        <source>&amp;Name of the pole</source>
        <translation>&amp;Nom du pôle</translation>
    </message>
    <message>
        <source>e.g. Drôme, Pays de Romans</source>
        <translation>par exemple : Drôme, Pays de Romans</translation>
    </message>
    <message>
        <source>&amp;Territory</source>
        <translation>&amp;Territoire</translation>
    </message>
    <message>
        <source>&amp;Fiscal year starts in</source>
        <translation>&amp;Début de l&apos;exercice</translation>
    </message>
    <message>
        <source>Most poles follow the calendar year (January).</source>
        <translation>La plupart des pôles suivent l&apos;année civile (janvier).</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Retour</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>What the documents print</source>
        <translation>Ce que les documents impriment</translation>
    </message>
    <message>
        <source>The calls for funds and the Cerfa grant report print the pole&apos;s identity. Fill in what you know now, or skip: it stays editable in Settings.</source>
        <translation>Les appels de fonds et le compte rendu Cerfa impriment l&apos;identité du pôle. Remplissez ce que vous savez déjà, ou passez : tout reste modifiable dans Paramètres.</translation>
    </message>
    <message>
        <source>&amp;SIRET</source>
        <translation>&amp;SIRET</translation>
    </message>
    <message>
        <source>14 digits, spaces allowed</source>
        <translation>14 chiffres, espaces acceptés</translation>
    </message>
    <message>
        <source>Required on the Cerfa 15059 and printed on every call for funds.</source>
        <translation>Exigé sur le Cerfa 15059 et imprimé sur chaque appel de fonds.</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>e.g. 12 rue des Écoles</source>
        <translation>ex. 12 rue des Écoles</translation>
    </message>
    <message>
        <source>&amp;Postcode</source>
        <translation>Code p&amp;ostal</translation>
    </message>
    <message>
        <source>e.g. 26000</source>
        <translation>ex. 26000</translation>
    </message>
    <message>
        <source>&amp;Town</source>
        <translation>&amp;Ville</translation>
    </message>
    <message>
        <source>e.g. Valence</source>
        <translation>ex. Valence</translation>
    </message>
    <message>
        <source>The address is the sender of the calls; the town dates the signature.</source>
        <translation>L&apos;adresse est l&apos;expéditeur des appels ; la ville date la signature.</translation>
    </message>
    <message>
        <source>&amp;Legal representative</source>
        <translation>Représentant &amp;légal</translation>
    </message>
    <message>
        <source>e.g. Marie Dupont</source>
        <translation>ex. Marie Dupont</translation>
    </message>
    <message>
        <source>Their t&amp;itle</source>
        <translation>&amp;Qualité</translation>
    </message>
    <message>
        <source>e.g. Présidente</source>
        <translation>ex. Présidente</translation>
    </message>
    <message>
        <source>Who signs the Cerfa report and the certificates.</source>
        <translation>Qui signe le compte rendu Cerfa et les attestations.</translation>
    </message>
    <message>
        <source>S&amp;kip this step</source>
        <translation>&amp;Ignorer cette étape</translation>
    </message>
    <message>
        <source>Create the pole now; fill these in Settings later.</source>
        <translation>Créer le pôle maintenant ; compléter ces champs plus tard dans Paramètres.</translation>
    </message>
    <message>
        <source>&amp;Create the pole</source>
        <translation>&amp;Créer le pôle</translation>
    </message>
    <message>
        <source>Enter the name of the pole.</source>
        <translation>Indiquez le nom du pôle.</translation>
    </message>
    <message>
        <source>The name is too long: %1 characters at most.</source>
        <translation>Le nom est trop long : %1 caractères au maximum.</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Veuillez patienter</translation>
    </message>
</context>
<context>
    <name>YearSelector</name>
    <message>
        <source>Fiscal year</source>
        <translation>Exercice</translation>
    </message>
    <message>
        <source>The fiscal year shown by every page</source>
        <translation>L&apos;exercice affiché par toutes les pages</translation>
    </message>
</context>
<context>
    <name>_Busy</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
</TS>
