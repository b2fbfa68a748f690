<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Offline Reader</source>
        <translation>Acerca de Offline Reader</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Offline Reader {version}&lt;/h3&gt;&lt;p&gt;{pack}: {count} articles, readable with no internet connection.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Important:&lt;/b&gt; {disclaimer}&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Offline Reader {version}&lt;/h3&gt;&lt;p&gt;{pack}: {count} artículos que se leen sin conexión a internet.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Importante:&lt;/b&gt; {disclaimer}&lt;/p&gt;&lt;p&gt;Software libre bajo la Licencia Pública General de GNU, versión 3 o posterior.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>General information only.</source>
        <translation>Solo información general.</translation>
    </message>
</context>
<context>
    <name>ArticlePrinting</name>
    <message>
        <source>Printing…</source>
        <translation>Imprimiendo…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save {path}</source>
        <translation>No se pudo guardar {path}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Guardado: {path}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this article</source>
        <translation>Buscar en este artículo</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Coincidencia anterior (Mayús+Intro)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Coincidencia siguiente (Intro)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Buscar:</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Coincidencia anterior</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Coincidencia siguiente</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Sin coincidencias</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} de {total}</translation>
    </message>
</context>
<context>
    <name>KioskBar</name>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>Reducir</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Texto más pequeño</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>Ampliar</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Colores</translation>
    </message>
    <message>
        <source>Change the colours</source>
        <translation>Cambiar los colores</translation>
    </message>
    <message>
        <source>Language: {language}</source>
        <translation>Idioma: {language}</translation>
    </message>
</context>
<context>
    <name>KioskController</name>
    <message>
        <source>Scan to report a problem with this page</source>
        <translation>Escanee para informar de un problema en esta página</translation>
    </message>
    <message>
        <source>Not available on this terminal</source>
        <translation>No disponible en este terminal</translation>
    </message>
    <message>
        <source>This link leads to a web site, which cannot be opened here:
{url}</source>
        <translation>Este enlace lleva a un sitio web, que no se puede abrir aquí:
{url}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>This article is not available in {language}.</source>
        <translation>Este artículo no está disponible en {language}.</translation>
    </message>
    <message>
        <source>Still reading?</source>
        <translation>¿Sigue leyendo?</translation>
    </message>
    <message>
        <source>Touch the screen to continue. Starting again in {n} seconds.</source>
        <translation>Toque la pantalla para continuar. Se volverá al inicio en {n} segundos.</translation>
    </message>
    <message>
        <source>Touch to start</source>
        <translation>Toque para empezar</translation>
    </message>
    <message>
        <source>Enter the staff PIN.</source>
        <translation>Introduzca el PIN del personal.</translation>
    </message>
    <message>
        <source>Wrong PIN. 1 try left.</source>
        <translation>PIN incorrecto. Le queda 1 intento.</translation>
    </message>
    <message>
        <source>Wrong PIN. {n} tries left.</source>
        <translation>PIN incorrecto. Le quedan {n} intentos.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {n} seconds.</source>
        <translation>Demasiados PIN incorrectos. Vuelva a intentarlo dentro de {n} segundos.</translation>
    </message>
</context>
<context>
    <name>LanguagePicker</name>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <source>This article is not available in {language}.</source>
        <translation>Este artículo no está disponible en {language}.</translation>
    </message>
</context>
<context>
    <name>LinkRouter</name>
    <message>
        <source>Could not open {url}</source>
        <translation>No se pudo abrir {url}</translation>
    </message>
    <message>
        <source>Outside link: {url}</source>
        <translation>Enlace externo: {url}</translation>
    </message>
</context>
<context>
    <name>Listening</name>
    <message>
        <source>Read aloud is not available on this computer. The guide “Accessibility” (accessibility.md, with the reader&apos;s documents) says how to add it.</source>
        <translation>La lectura en voz alta no está disponible en este ordenador. La guía «Accesibilidad» (accessibility.md, con los documentos del lector) explica cómo añadirla.</translation>
    </message>
    <message>
        <source>Reading speed {n}</source>
        <translation>Velocidad de lectura {n}</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausa</translation>
    </message>
    <message>
        <source>&amp;Listen</source>
        <translation>&amp;Escuchar</translation>
    </message>
</context>
<context>
    <name>LoadingSplash</name>
    <message>
        <source>Preparing the library</source>
        <translation>Preparando la biblioteca</translation>
    </message>
    <message>
        <source>Preparing the library for use…</source>
        <translation>Preparando la biblioteca…</translation>
    </message>
    <message>
        <source>{done} of {total} articles read</source>
        <translation>{done} de {total} artículos leídos</translation>
    </message>
</context>
<context>
    <name>Look</name>
    <message>
        <source>Text size {n}%</source>
        <translation>Tamaño del texto {n} %</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Article</source>
        <translation>Artículo</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n artículo</numerusform>
            <numerusform>%n artículos</numerusform>
        </translation>
    </message>
    <message>
        <source>This article is not shown here: no clinician has reviewed it yet.</source>
        <translation>Este artículo no se muestra aquí: ningún profesional sanitario lo ha revisado todavía.</translation>
    </message>
    <message>
        <source>No article called &apos;{slug}&apos;</source>
        <translation>No hay ningún artículo llamado «{slug}»</translation>
    </message>
    <message>
        <source>This article could not be displayed.</source>
        <translation>No se pudo mostrar este artículo.</translation>
    </message>
    <message>
        <source>Continue reading</source>
        <translation>Seguir leyendo</translation>
    </message>
    <message>
        <source>Because you read {title}</source>
        <translation>Porque leyó «{title}»</translation>
    </message>
    <message>
        <source>Home — {pack}</source>
        <translation>Inicio — {pack}</translation>
    </message>
    <message>
        <source>{title} — {pack}</source>
        <translation>{title} — {pack}</translation>
    </message>
    <message>
        <source>Article {n} of {total} · {category}</source>
        <translation>Artículo {n} de {total} · {category}</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in the content pack — see Help › Content problems</source>
        <translation>
            <numerusform>%n problema en el paquete de contenido — vea Ayuda › Problemas del contenido</numerusform>
            <numerusform>%n problemas en el paquete de contenido — vea Ayuda › Problemas del contenido</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>On-screen keyboard</source>
        <translation>Teclado en pantalla</translation>
    </message>
    <message>
        <source>Letter {letter}</source>
        <translation>Letra {letter}</translation>
    </message>
    <message>
        <source>Digit {digit}</source>
        <translation>Dígito {digit}</translation>
    </message>
    <message>
        <source>Hyphen</source>
        <translation>Guion</translation>
    </message>
    <message>
        <source>Apostrophe</source>
        <translation>Apóstrofo</translation>
    </message>
    <message>
        <source>Full stop</source>
        <translation>Punto</translation>
    </message>
    <message>
        <source>Comma</source>
        <translation>Coma</translation>
    </message>
    <message>
        <source>Ampersand</source>
        <translation>Et (&amp;)</translation>
    </message>
    <message>
        <source>Slash</source>
        <translation>Barra</translation>
    </message>
    <message>
        <source>123</source>
        <translation>123</translation>
    </message>
    <message>
        <source>Show numbers</source>
        <translation>Mostrar números</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <source>Delete last letter</source>
        <translation>Borrar la última letra</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Borrar la búsqueda</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Hide keyboard</source>
        <translation>Ocultar el teclado</translation>
    </message>
    <message>
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <source>Show letters</source>
        <translation>Mostrar letras</translation>
    </message>
</context>
<context>
    <name>PageWords</name>
    <message>
        <source>‹ Previous: {title}</source>
        <translation>‹ Anterior: {title}</translation>
    </message>
    <message>
        <source>Next: {title} ›</source>
        <translation>Siguiente: {title} ›</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Recomendados</translation>
    </message>
    <message>
        <source>Reviewed {date}</source>
        <translation>Revisado el {date}</translation>
    </message>
    <message>
        <source>Reviewed {date} by {name}</source>
        <translation>Revisado el {date} por {name}</translation>
    </message>
    <message>
        <source>Next review due {date}</source>
        <translation>Próxima revisión: {date}</translation>
    </message>
    <message>
        <source>Next review due today</source>
        <translation>La próxima revisión toca hoy</translation>
    </message>
    <message>
        <source>Review overdue since {date}</source>
        <translation>Revisión pendiente desde el {date}</translation>
    </message>
    <message>
        <source>Updated {date}</source>
        <translation>Actualizado el {date}</translation>
    </message>
    <message>
        <source>Not yet reviewed by a clinician</source>
        <translation>Aún no revisado por un profesional sanitario</translation>
    </message>
    <message>
        <source>Recently updated</source>
        <translation>Actualizados recientemente</translation>
    </message>
    <message>
        <source>Emergency: call {number} now</source>
        <translation>Emergencia: llame ya a {number}</translation>
    </message>
    <message>
        <source>Urgent: get medical advice today</source>
        <translation>Urgente: consulte a un médico hoy</translation>
    </message>
    <message>
        <source>See a doctor: make an appointment</source>
        <translation>Vea a un médico: pida una cita</translation>
    </message>
    <message>
        <source>your local emergency number</source>
        <translation>su número local de emergencias</translation>
    </message>
    <message>
        <source>General information, not medical advice. In an emergency call {number}.</source>
        <translation>Información general, no consejo médico. En una emergencia, llame a {number}.</translation>
    </message>
    <message>
        <source>Report a problem with this page: {contact}</source>
        <translation>Informe de un problema en esta página: {contact}</translation>
    </message>
    <message>
        <source>Published {date}</source>
        <translation>Publicado el {date}</translation>
    </message>
    <message>
        <source>Accessed {date}</source>
        <translation>Consultado el {date}</translation>
    </message>
    <message>
        <source>On this page</source>
        <translation>En esta página</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>image</source>
        <translation>imagen</translation>
    </message>
    <message>
        <source>Start here</source>
        <translation>Empiece aquí</translation>
    </message>
    <message>
        <source>Browse by topic</source>
        <translation>Explorar por tema</translation>
    </message>
    <message>
        <source>Recently reviewed</source>
        <translation>Revisados recientemente</translation>
    </message>
    <message>
        <source>Important</source>
        <translation>Importante</translation>
    </message>
    <message>
        <source>All articles A–Z</source>
        <translation>Todos los artículos de la A a la Z</translation>
    </message>
    <message>
        <source>Common searches</source>
        <translation>Búsquedas frecuentes</translation>
    </message>
    <message>
        <source>This article is very long; only the first part is shown.</source>
        <translation>Este artículo es muy largo; solo se muestra la primera parte.</translation>
    </message>
    <message>
        <source>This article could not be displayed with its formatting, so it is shown as plain text.</source>
        <translation>Este artículo no se pudo mostrar con su formato, así que se muestra como texto sin formato.</translation>
    </message>
    <message>
        <source>This article was last reviewed on {date}. Some details may have changed — check with a health professional.</source>
        <translation>Este artículo se revisó por última vez el {date}. Algunos datos pueden haber cambiado: consulte con un profesional de la salud.</translation>
    </message>
    <message>
        <source>This page could not be read from the archive: {reason}</source>
        <translation>No se pudo leer esta página del archivo: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n min read</source>
        <translation>
            <numerusform>%n min de lectura</numerusform>
            <numerusform>%n min de lectura</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n artículo</numerusform>
            <numerusform>%n artículos</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggested by the editors</source>
        <translation>Sugerido por la redacción</translation>
    </message>
    <message>
        <source>Also about: {topics}</source>
        <translation>También trata de: {topics}</translation>
    </message>
    <message>
        <source>More in {category}</source>
        <translation>Más en {category}</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff exit</source>
        <translation>Salida del personal</translation>
    </message>
    <message>
        <source>Digits entered</source>
        <translation>Dígitos introducidos</translation>
    </message>
    <message>
        <source>Digit {d}</source>
        <translation>Dígito {d}</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Borrar el último dígito</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Enter the PIN</source>
        <translation>Introduzca el PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>Content problems</source>
        <translation>Problemas del contenido</translation>
    </message>
    <message>
        <source>Checking every article…</source>
        <translation>Comprobando todos los artículos…</translation>
    </message>
    <message>
        <source>Checking every article… {done} of {total}</source>
        <translation>Comprobando todos los artículos… {done} de {total}</translation>
    </message>
    <message>
        <source>No problems were found in this content pack.</source>
        <translation>No se encontraron problemas en este paquete de contenido.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problema</numerusform>
            <numerusform>%n problemas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n file(s). Open one to see its article.</source>
        <translation>
            <numerusform>en %n archivo. Ábralo para ver su artículo.</numerusform>
            <numerusform>en %n archivos. Abra uno para ver su artículo.</numerusform>
        </translation>
    </message>
    <message>
        <source>line {line}: {severity}: {message}</source>
        <translation>línea {line}: {severity}: {message}</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
</context>
<context>
    <name>QrCodeWidget</name>
    <message>
        <source>Scan to read on your phone</source>
        <translation>Escanee para leer en su teléfono</translation>
    </message>
    <message>
        <source>QR code for {url}</source>
        <translation>Código QR de {url}</translation>
    </message>
</context>
<context>
    <name>QtSpeechEngine</name>
    <message>
        <source>Read aloud needs Qt&apos;s speech module (pip install PySide6-Addons) and a speech engine such as speech-dispatcher with espeak-ng.</source>
        <translation>La lectura en voz alta necesita el módulo de voz de Qt (pip install PySide6-Addons) y un motor de voz como speech-dispatcher con espeak-ng.</translation>
    </message>
    <message>
        <source>No speech engine is installed. On Debian or Ubuntu: sudo apt install speech-dispatcher espeak-ng</source>
        <translation>No hay ningún motor de voz instalado. En Debian o Ubuntu: sudo apt install speech-dispatcher espeak-ng</translation>
    </message>
    <message>
        <source>The speech engine reported an error: {error}</source>
        <translation>El motor de voz informó de un error: {error}</translation>
    </message>
</context>
<context>
    <name>ReloadOffer</name>
    <message>
        <source>Library updated — reload</source>
        <translation>Biblioteca actualizada: recargar</translation>
    </message>
    <message>
        <source>Open the new version of the library; you stay on this article</source>
        <translation>Abrir la nueva versión de la biblioteca sin salir de este artículo</translation>
    </message>
</context>
<context>
    <name>SearchIndexing</name>
    <message>
        <source>Preparing search: {percent}% of {total} articles</source>
        <translation>Preparando la búsqueda: {percent} % de {total} artículos</translation>
    </message>
    <message>
        <source>Preparing search</source>
        <translation>Preparando la búsqueda</translation>
    </message>
    <message>
        <source>Search is ready</source>
        <translation>La búsqueda está lista</translation>
    </message>
    <message>
        <source>Search is not available: {error}</source>
        <translation>La búsqueda no está disponible: {error}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Search articles (Ctrl+K)</source>
        <translation>Buscar artículos (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search articles</source>
        <translation>Buscar artículos</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Recomendados</translation>
    </message>
    <message>
        <source>Recommended articles</source>
        <translation>Artículos recomendados</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Search message</source>
        <translation>Mensaje de la búsqueda</translation>
    </message>
    <message>
        <source>Search is getting ready…</source>
        <translation>La búsqueda se está preparando…</translation>
    </message>
    <message>
        <source>The best {n} articles:</source>
        <translation>Los {n} mejores artículos:</translation>
    </message>
    <message>
        <source>1 article found:</source>
        <translation>Se encontró 1 artículo:</translation>
    </message>
    <message>
        <source>{n} articles found:</source>
        <translation>Se encontraron {n} artículos:</translation>
    </message>
    <message>
        <source>No articles match ‘{query}’.</source>
        <translation>Ningún artículo coincide con «{query}».</translation>
    </message>
    <message>
        <source>This library is in {language}: try words in {language}.</source>
        <translation>Esta biblioteca está en {language}: pruebe con palabras en {language}.</translation>
    </message>
    <message>
        <source>Did you mean {words}?</source>
        <translation>¿Quiso decir {words}?</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Home</source>
        <translation>&amp;Inicio</translation>
    </message>
    <message>
        <source>Go to the home page</source>
        <translation>Ir a la página de inicio</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <source>Back to the page you read before</source>
        <translation>Volver a la página anterior</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>A&amp;delante</translation>
    </message>
    <message>
        <source>Forward again</source>
        <translation>Ir adelante de nuevo</translation>
    </message>
    <message>
        <source>&amp;Previous article</source>
        <translation>Artículo an&amp;terior</translation>
    </message>
    <message>
        <source>Previous article in the library</source>
        <translation>Artículo anterior de la biblioteca</translation>
    </message>
    <message>
        <source>&amp;Next article</source>
        <translation>Artículo &amp;siguiente</translation>
    </message>
    <message>
        <source>Next article in the library</source>
        <translation>Artículo siguiente de la biblioteca</translation>
    </message>
    <message>
        <source>&amp;Search articles</source>
        <translation>&amp;Buscar artículos</translation>
    </message>
    <message>
        <source>Search all articles</source>
        <translation>Buscar en todos los artículos</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Copy the selected text</source>
        <translation>Copiar el texto seleccionado</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>Seleccionar &amp;todo</translation>
    </message>
    <message>
        <source>Select the whole article</source>
        <translation>Seleccionar todo el artículo</translation>
    </message>
    <message>
        <source>&amp;Find in article…</source>
        <translation>Buscar en el a&amp;rtículo…</translation>
    </message>
    <message>
        <source>Find words in this article</source>
        <translation>Buscar palabras en este artículo</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>Texto más &amp;grande</translation>
    </message>
    <message>
        <source>Make the text larger</source>
        <translation>Agrandar el texto</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>Texto más &amp;pequeño</translation>
    </message>
    <message>
        <source>Make the text smaller</source>
        <translation>Reducir el texto</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>Tamaño de texto &amp;normal</translation>
    </message>
    <message>
        <source>Reset the text size</source>
        <translation>Restablecer el tamaño del texto</translation>
    </message>
    <message>
        <source>Show &amp;sidebar</source>
        <translation>Mostrar la barra &amp;lateral</translation>
    </message>
    <message>
        <source>Show or hide the list of articles</source>
        <translation>Mostrar u ocultar la lista de artículos</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Print this article</source>
        <translation>Imprimir este artículo</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Guardar como P&amp;DF…</translation>
    </message>
    <message>
        <source>Save this article as a PDF file</source>
        <translation>Guardar este artículo como archivo PDF</translation>
    </message>
    <message>
        <source>&amp;Listen</source>
        <translation>&amp;Escuchar</translation>
    </message>
    <message>
        <source>Read this article aloud; again to pause</source>
        <translation>Leer este artículo en voz alta; otra vez para pausar</translation>
    </message>
    <message>
        <source>S&amp;top reading aloud</source>
        <translation>De&amp;tener la lectura</translation>
    </message>
    <message>
        <source>Stop reading aloud</source>
        <translation>Detener la lectura en voz alta</translation>
    </message>
    <message>
        <source>Read &amp;slower</source>
        <translation>Leer más &amp;despacio</translation>
    </message>
    <message>
        <source>Read aloud more slowly</source>
        <translation>Leer en voz alta más despacio</translation>
    </message>
    <message>
        <source>Read &amp;faster</source>
        <translation>Leer más &amp;rápido</translation>
    </message>
    <message>
        <source>Read aloud faster</source>
        <translation>Leer en voz alta más rápido</translation>
    </message>
    <message>
        <source>Content &amp;problems…</source>
        <translation>&amp;Problemas del contenido…</translation>
    </message>
    <message>
        <source>Problems found in the content pack</source>
        <translation>Problemas encontrados en el paquete de contenido</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>The keys for every action</source>
        <translation>Las teclas de cada acción</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Acerca de</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Oscuro</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>&amp;Alto contraste</translation>
    </message>
    <message>
        <source>Follow &amp;system</source>
        <translation>Seguir al &amp;sistema</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navegación</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Más acciones</translation>
    </message>
</context>
<context>
    <name>run</name>
    <message>
        <source>Offline Reader</source>
        <translation>Offline Reader</translation>
    </message>
    <message>
        <source>The content pack could not be opened:
{error}</source>
        <translation>No se pudo abrir el paquete de contenido:
{error}</translation>
    </message>
    <message>
        <source>The archive could not be opened:
{error}

The bundled library opens instead.</source>
        <translation>No se pudo abrir el archivo:
{error}

Se abre en su lugar la biblioteca incluida.</translation>
    </message>
    <message>
        <source>The content pack has changed on disk; restart the reader to see every change.</source>
        <translation>El paquete de contenido ha cambiado en el disco; reinicie el lector para ver todos los cambios.</translation>
    </message>
    <message>
        <source>Something went wrong: {error}
The reader will keep running.</source>
        <translation>Algo salió mal: {error}
El lector seguirá funcionando.</translation>
    </message>
</context>
</TS>
