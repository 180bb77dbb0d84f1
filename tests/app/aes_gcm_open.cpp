// SPDX-License-Identifier: MIT
// Test helper: opens the AES-256-GCM part of a sealed value with OpenSSL's EVP API, independently
// of the studio's code (`openssl enc` refuses AEAD ciphers).
//   aes-gcm-open SESSION_KEY_FILE SEALED_PART_FILE > plaintext
// SEALED_PART_FILE is ciphertext followed by the 16-byte tag; the nonce is 12 zero bytes.
// Exit codes: 0 opened, 1 authentication failed, 2 usage or I/O error.

#include <openssl/evp.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <vector>

namespace {

std::vector<unsigned char> readAll(const char *path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc != 3) {
        std::fputs("usage: aes-gcm-open SESSION_KEY_FILE SEALED_PART_FILE\n", stderr);
        return 2;
    }
    const std::vector<unsigned char> key = readAll(argv[1]);
    const std::vector<unsigned char> sealed = readAll(argv[2]);
    if (key.size() != 32 || sealed.size() < 16) {
        std::fputs("aes-gcm-open: the key must be 32 bytes and the sealed part at least 16\n", stderr);
        return 2;
    }
    const unsigned char nonce[12] = {};
    const size_t textSize = sealed.size() - 16;
    std::vector<unsigned char> tag(sealed.end() - 16, sealed.end());
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> context(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    std::vector<unsigned char> plain(textSize + 16);
    int written = 0;
    int final = 0;
    if (EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, 12, nullptr) != 1
        || EVP_DecryptInit_ex(context.get(), nullptr, nullptr, key.data(), nonce) != 1
        || EVP_DecryptUpdate(context.get(), plain.data(), &written, sealed.data(), int(textSize)) != 1
        || EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, 16, tag.data()) != 1) {
        std::fputs("aes-gcm-open: cannot set up AES-256-GCM\n", stderr);
        return 2;
    }
    if (EVP_DecryptFinal_ex(context.get(), plain.data() + written, &final) != 1) {
        std::fputs("aes-gcm-open: authentication failed\n", stderr);
        return 1;
    }
    std::fwrite(plain.data(), 1, size_t(written + final), stdout);
    return 0;
}
