;;; sunting.el --- Indonesian copy checking with sunting, through Eglot  -*- lexical-binding: t; -*-

;; Shows sunting's findings (typos, names, dates, kata baku, punctuation) in plain-text and
;; Markdown files, with hovers and quick fixes.  Needs Eglot: built into Emacs 29 and later;
;; on Emacs 28 install it first (M-x package-install RET eglot, or Debian's elpa-eglot).
;;
;; Install: put this file in ~/.emacs.d/lisp/ and add to your init file:
;;
;;   (load "~/.emacs.d/lisp/sunting.el")
;;
;; See README.md beside this file.

;;; Code:

(require 'eglot)

(defgroup sunting nil
  "Indonesian copy checking with the sunting language server."
  :group 'tools
  :prefix "sunting-")

(defcustom sunting-program "sunting"
  "The sunting program: a name found on PATH, or a full path."
  :type 'string)

(defcustom sunting-min-level "info"
  "The least important findings to show: \"error\", \"warning\" or \"info\"."
  :type '(choice (const "error") (const "warning") (const "info")))

(defcustom sunting-extra-packs nil
  "Extra rule packs (.toml files) to load besides the built-in ones."
  :type '(repeat file))

(defcustom sunting-auto-start t
  "Start sunting by itself when a .txt or .md file is opened."
  :type 'boolean)

(defun sunting--contact (&optional _interactive)
  "How Eglot starts sunting: `sunting lsp', with the settings above."
  (list sunting-program "lsp"
        :initializationOptions
        (list :minLevel sunting-min-level
              :extraPacks (vconcat (mapcar #'expand-file-name sunting-extra-packs)))))

;; Markdown goes first, so sunting is used for Markdown files rather than another
;; Markdown server.  Plain text goes last: many modes (Org, YAML, ...) are built on
;; text-mode, and their own servers must keep precedence there.
(add-to-list 'eglot-server-programs '(markdown-mode . sunting--contact))
(add-to-list 'eglot-server-programs
             '((text-mode :language-id "plaintext") . sunting--contact) t)

(defun sunting--maybe-start ()
  "Start Eglot (and so sunting) in .txt and .md files."
  (when (and sunting-auto-start
             buffer-file-name
             (string-match-p "\\.\\(txt\\|md\\|markdown\\)\\'" buffer-file-name))
    (eglot-ensure)))

(add-hook 'text-mode-hook #'sunting--maybe-start)

(defun sunting-fix-all ()
  "Apply every quick fix sunting offers for this file."
  (interactive)
  (eglot-code-actions (point-min) (point-max) "source.fixAll.sunting" t))

(provide 'sunting)
;;; sunting.el ends here
